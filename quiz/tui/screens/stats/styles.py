"""The stats screen's look: panels stacked in a scroll at 80 columns, paired from 110 (``-wide``),
the totals in a row from 110 and in a two-by-two grid below (their notes do not fit four
across beside the streak). Kept as the screen's ``DEFAULT_CSS``.
"""

STATS_CSS = """
    StatsScreen #stats-body {
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    StatsScreen #stats-loading {
        height: 3;
    }
    StatsScreen #stats-message {
        width: 100%;
        max-width: 76;
        height: auto;
        margin: 1 2;
        padding: 1 2;
        border: round $foreground 25%;
    }
    StatsScreen .stats-row {
        height: auto;
        layout: vertical;
    }
    StatsScreen.-wide .stats-row {
        layout: horizontal;
    }
    StatsScreen .stats-panel {
        height: auto;
        padding: 0 1;
        border: round $foreground 20%;
        border-title-color: $text;
        border-title-style: bold;
    }
    StatsScreen.-wide .stats-panel {
        width: 1fr;
    }
    StatsScreen.-wide #activity-panel {
        width: 3fr;
    }
    StatsScreen.-wide #forecast-panel {
        width: 2fr;
    }
    StatsScreen.-wide #row-activity {
        height: 12;
    }
    StatsScreen.-wide #row-trends {
        height: 11;
    }
    StatsScreen.-wide .stats-row > .stats-panel {
        height: 100%;
    }
    StatsScreen #mastery-columns {
        height: auto;
        layout: vertical;
    }
    StatsScreen.-wide #mastery-columns {
        layout: horizontal;
    }
    StatsScreen .mastery-column {
        height: auto;
    }
    StatsScreen #tags-column {
        margin-top: 1;
    }
    StatsScreen.-wide #banks-column {
        width: 3fr;
    }
    StatsScreen.-wide #tags-column {
        width: 2fr;
        margin-top: 0;
        margin-left: 3;
    }
    StatsScreen .stats-subtitle {
        color: $text-muted;
        text-style: bold;
    }
    StatsScreen #mastery-caption {
        margin-top: 1;
    }
    StatsScreen .stats-caption {
        height: auto;
        color: $text-muted;
    }
    StatsScreen #stats-summary {
        height: auto;
    }
    StatsScreen #streak-card {
        width: auto;
        height: auto;
        padding: 0 1;
        border: round $accent 60%;
        border-title-color: $text;
        border-title-style: bold;
    }
    StatsScreen #streak-digits {
        width: auto;
        color: $accent;
        text-style: bold;
    }
    StatsScreen #streak-caption {
        width: auto;
        padding-left: 1;
    }
    StatsScreen #stats-totals {
        width: 1fr;
        height: auto;
        border: round $foreground 20%;
        border-title-color: $text;
        border-title-style: bold;
    }
    StatsScreen.-tiny #stats-summary {
        layout: vertical;
    }
    StatsScreen.-tiny #stats-totals, StatsScreen.-narrow #stats-totals {
        layout: grid;
        grid-size: 2;
        grid-rows: 3;
        height: auto;
    }
    StatsScreen.-wide #stats-totals > Figure {
        width: 1fr;
        max-width: 22;
    }
    """
