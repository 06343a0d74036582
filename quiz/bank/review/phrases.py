"""Stock phrases of news English whose words predict each other, for the guessable-blank check.

Each entry is a fixed expression with the predictable word(s) in brackets; ``|`` separates
alternatives. ``virtuous [cycle|circle]`` says: a blank after "virtuous" is "cycle" (or
"circle"), and a reader fills it without the article. Only the bracketed side is predicted: "___
law" is not guessable (martial law, new law, international law...) but "declared [martial] law"
is. The list was written from general knowledge of idioms and news collocations, not from any
one bank; see docs/item-review.md for how well it does.
"""

from __future__ import annotations

PHRASES: tuple[str, ...] = (
    # idioms
    "level playing [field]",
    "a level [playing] field",
    "a drop in the [ocean]",
    "tip of the [iceberg]",
    "at the end of the [day]",
    "on the other [hand]",
    "in the long [run]",
    "a matter of [time]",
    "the elephant in the [room]",
    "a double-edged [sword]",
    "a step in the right [direction]",
    "the writing on the [wall]",
    "back to square [one]",
    "red [tape]",
    "silver [lining]",
    "a wake-up [call]",
    "a turning [point]",
    "a slippery [slope]",
    "common [ground]",
    "the bottom [line]",
    "a race to the [bottom]",
    "a storm in a [teacup]",
    "win-win [situation]",
    "[win-win] situation",
    "vicious [cycle|circle]",
    "virtuous [cycle|circle]",
    "[vicious|virtuous] cycle",
    "[vicious|virtuous] circle",
    "break the [ice]",
    "sooner or [later]",
    "more or [less]",
    "step by [step]",
    "once and for [all]",
    "each [other]",
    # politics, diplomacy, economy, environment
    "press [conference]",
    "joint [press] conference",
    "[united] nations",
    "prime [minister]",
    "[foreign] affairs",
    "[human] rights",
    "human [rights]",
    "cold [war]",
    "martial [law]",
    "declaring [martial] law",
    "declared [martial] law",
    "declare [martial] law",
    "imposed [martial] law",
    "rule of [law]",
    "[colonial] rule",
    "landslide [victory|win]",
    "head of [state]",
    "free [trade]",
    "nuclear and [missile]",
    "[nuclear] and missile",
    "weapons of mass [destruction]",
    "ballistic [missile|missiles]",
    "interest [rates|rate]",
    "[interest] rates",
    "[supply] chain",
    "[supply] chains",
    "supply [chain|chains]",
    "[climate] change",
    "climate [change]",
    "[global] warming",
    "global [warming]",
    "greenhouse [gas|gases|effect]",
    "[greenhouse] gas",
    "[greenhouse] gases",
    "fossil [fuels|fuel]",
    "[fossil] fuels",
    "renewable [energy]",
    "sea [level|levels]",
    "[law] enforcement",
    "[single-use] plastic",
    "single-use plastic [bags|bottles]",
    "[death] toll",
    "state of [emergency]",
    "[natural] disaster",
)


def parse(entry: str) -> tuple[list[str], list[str], list[str]]:
    """``"joint [statement|press]"`` -> (["joint"], ["statement", "press"], [])."""
    before, rest = entry.split("[", 1)
    answers, after = rest.split("]", 1)
    return before.split(), answers.split("|"), after.split()
