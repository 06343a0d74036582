"""Page furniture in an article's plain text, found before any fact is extracted.

Text copied or extracted from a news page carries more than the report: photo captions and
their credits, bylines and reporters' credit lines, a dateline before the first sentence,
"Related:" links, "Follow us on X" sign-offs, subheads and copyright lines. Rated blind, banks
asked about all of them (a caption's photographer as a distractor, a dateline left in a prompt),
so they must never become facts, options or prompts.

The article itself is never rewritten: a bank stores it as it is and every question quotes one
of its sentences verbatim. So this module only *finds* furniture and says which character spans
of the text are body text; the pipeline parses and asks about those spans alone. A dateline is
cut off the front of its paragraph (the rest of the sentence stays usable, and still occurs
verbatim in the article); a reporter's credit at the end of a paragraph is cut off its end.

Each rule is a compiled regular expression over one paragraph (a line of the text, as
:func:`quiz.generate.article.split_paragraphs` gives them), tried in one pass over the text: the
cost is linear in its length and small beside spaCy's parse. Rules that could also match a
sentence of the report (a body sentence may start "By 2030," or mention a photo) carry a guard,
said beside them; when in doubt a line is kept, since a lost sentence costs less than a quiz
about a photographer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.generate.article import split_paragraphs

BODY = "body"
CAPTION = "caption"  # a photo caption or an image / logo credit
BYLINE = "byline"  # a byline or a reporter's credit line
DATELINE = "dateline"  # "TOKYO (Reuters) - ", cut off the front of its paragraph
RELATED = "related"  # "Related:", "Read more" and the link titles under them
SOCIAL = "social"  # "Follow X on Twitter", "Sign up for our newsletter"
SUBHEAD = "subhead"  # all-caps or short headline-like lines inside the article
COPYRIGHT = "copyright"  # "© 2025 ...", "All rights reserved", standards notes
SIGN_OFF = "sign-off"  # a broadcaster's "I'm Jane Doe."
GLOSSARY = "glossary"  # a learners' word list: "lash - v. to tie ..."

#: Characters a sentence of the report ends with (a heading or a link title ends without one).
_TERMINAL = ".!?\"”’'…"

# -- captions and image credits ----------------------------------------------------------------

_AGENCY = (
    r"(?:REUTERS|Reuters|AFP|AP|EPA(?:-EFE)?|Getty Images|Xinhua|Bloomberg|Shutterstock|Alamy"
    r"|ANADOLU|Anadolu|Pool|iStock|Imago|NurPhoto|SOPA Images|Kyodo|Yonhap|dpa|DPA)"
)

#: A line that opens as a caption or a credit does: AP's "FILE - ...", Reuters' "FILE PHOTO:",
#: a "Credit:", "Image:", "Photo:" or "Logo:" label, BBC's "Image source, ...". No sentence of a
#: report starts with such a label followed by a colon.
_CAPTION_START = re.compile(
    r"^(?:FILE(?: PHOTO)?\s*[-–—:]\s"
    r"|(?:Photo|Photos|Photograph|Image|Images|Picture|Pictures|Credit|Credits|Photo credit"
    r"|Image credit|Photo illustration|Illustration|Graphic|Logo|Caption|Video|PHOTO|IMAGE"
    r"|CREDIT)\s*:\s"
    r"|(?:Image source|Image caption|Media caption|Photo source),\s"
    r"|Pictured(?:\s*,?\s*(?:here|above|below|right|left|top|bottom|centre|center"
    r"|at the (?:back|front|top|bottom)|from (?:left|right)(?: to (?:right|left))?|\(?l-r\)?"
    r"|clockwise from (?:top )?left))*\s*(?:,|:|\s(?:are|is)\b))"  # "Pictured at the back,
    # from left, are …" (fresh set O), not "Pictured as a hero by his supporters, the senator"
)

#: A line that ends with a photo credit in brackets, "(Photo by X/Getty Images)", "(AP Photo/X)",
#: "(Image: X)": the whole line is a caption. The word must be followed by "by", ":", "/" or
#: "courtesy", so a sentence ending "(photo)" is not taken for one.
_CAPTION_END = re.compile(
    r"\((?:[A-Z]+ )?(?:Photo|Photograph|Image|Picture|Illustration|Video)s?"
    r"(?:\s+by\b|\s*:|\s*/|\s+courtesy\b|\s+credit\b)[^()]{0,120}\)\.?\s*$"
)

#: "AP Photo/Name" anywhere: AP's credit, inside a caption, never in a report's sentence.
_AP_PHOTO = re.compile(r"\bAP Photo\s*/")

#: A line ending in an agency's credit: "... March 2, 2025. REUTERS/Lena Brandt", "Name/AFP via
#: Getty Images", "... (Reuters)" (a caption, whose credit comes last; a report's agency comes
#: first, in its dateline). An agency named inside a sentence ("Reuters reported") is not at the
#: end after a slash or in brackets, so the sentence is kept; after the slash only capitalised
#: words (a name), so "... a Reuters/Ipsos poll." is kept; and "the Associated Press (AP)." is an
#: acronym introduced, not a credit (see :func:`_introduces_acronym`).
_CREDIT_END = re.compile(
    r"(?:\b(?:REUTERS|AFP|AP|EPA(?:-EFE)?|ANADOLU|XINHUA)\s*/\s*"
    r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,4}"
    r"(?:\s*/\s*[A-Z][\w .'’-]{1,30}){0,3}"
    r"|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\s*/\s*" + _AGENCY + r"(?:\s+via\s+Getty Images)?"
    r"|(?P<bracket>\((?:"
    + _AGENCY
    + r"|File|FILE|File photo|File Photo)(?:\s*/\s*[^()]{1,60})?\)))"
    r"\.?\)?\s*$"
)

#: A line that is nothing but a credit: "Getty Images", "AFP via Getty Images".
_CREDIT_ONLY = re.compile(r"^" + _AGENCY + r"(?:\s+via\s+Getty Images)?\s*$")

# -- bylines and reporters' credits ------------------------------------------------------------

#: Lower-case words a byline or credit line is made of, besides names. A body sentence that
#: starts like a byline ("By Monday, officials had counted ...") has other words, so the rules
#: that need it check that a line has no lower-case word outside this set.
_CREDIT_WORDS = frozenset(
    """
    by and in from for with of the at a an on to this it its was were is editor editors
    editing edited additional further reporting reported reporter reporters writing wrote written
    writer writers staff correspondent correspondents contributed contributing contributor
    research researched compiled produced producer photos photographer photographers video
    graphics desk bureau chief senior team news via de da del della der van von le la al el bin
    ibn dos das du story report article updated published am pm et gmt utc
    """.split()  # noqa: SIM905 - a word list reads better as words
)
_LOWER_WORD = re.compile(r"(?<![\w@.])[a-z][a-z'’-]*")

_BYLINE = re.compile(r"^By\s+(?:[A-Z]|the\s+[A-Z])")

#: "Reporting by ...; Editing by ...", "(Additional reporting by ...)", "Edited by ...".
_CREDIT_LINE = re.compile(
    r"^\(?(?:(?:Additional|Further|additional|further)\s+)?"
    r"(?:Reporting|Writing|Editing|Research|Compiled|Produced|Edited|Written|Reported|Graphics"
    r"|Video|Photos|reporting|writing|editing)(?:\s+and\s+[a-z]+)?\s+by\s+[A-Z]"
)

#: "X contributed to this report.", "Associated Press writers ... contributed reporting."
_CONTRIBUTED = re.compile(
    r"\bcontributed\s+(?:to\s+(?:this|the)\s+(?:report|story|article)"
    r"|(?:additional\s+)?reporting)\b[^.]{0,80}\.?\)?$"
)

#: VOA's "Jane Doe wrote this story for VOA Learning English." and "Jo Roe was the editor.":
#: "this" (not "the") and a capitalised outlet keep "Smith wrote the report for ..." a sentence.
_WROTE_THIS = re.compile(
    r"^(?!(?:He|She|They|We|I|It|You|This|That|Who)\b)[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*"
    r"|and|de|van|von|der|da|al|bin))*\s+(?:wrote|reported|adapted|edited|produced|prepared)"
    r"\s+(?:this\s+(?:story|report|article|lesson)|it|the\s+story)"
    r"(?:\s+(?:for|from|with)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|of))*)*\.$"
)
_WAS_EDITOR = re.compile(
    r"^(?!(?:He|She|They|We|I|It|You|This|That|Who)\b)[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*"
    r"|and|de|van|von|der|da|al|bin))*\s+(?:was|were)\s+the\s+editors?\.$"
)

#: A broadcaster's sign-off, "I'm Jane Doe." (VOA Learning English ends stories with one).
_SIGN_OFF = re.compile(r"^(?:And\s+)?I[’']m\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\.$")

# -- datelines ---------------------------------------------------------------------------------

_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June"
    r"|July|August|September|October|November|December)\.?"
)
#: The report's first paragraph opens with where (and often who) it was filed from: "TOKYO
#: (Reuters) - ", "WASHINGTON — ", "KYIV, Ukraine (AP) — ", "Rotterdam, March 3 (Reuters) -".
#: A city without an agency must be in capitals (as datelines print it), the dash spaced (or an
#: em dash: "COVID-19 cases ..." has none), and the sentence after the dash must start with a
#: capital, a digit or a quote, so "NATO — the alliance of ..." is not taken for one. Only the
#: prefix is cut: the sentence after it stays a question's source.
_DATELINE = re.compile(
    r"^(?:"
    # CITY[/CITY][, Region][, Month D][ (Agency)] dash ("DUBAI/CAIRO, Dec 20 (Reuters) -")
    r"[A-Z][A-Z.'’/-]{1,}(?:\s[A-Z][A-Z.'’/-]+){0,3}"
    r"(?:,\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})?"
    r"(?:,\s" + _MONTH + r"\s\d{1,2})?"
    r"(?:\s?\([A-Z][\w.&'’]*(?:\s[A-Z][\w.&'’]*){0,3}\))?"
    # City[, Region][, Month D] (Agency) dash
    r"|[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}(?:,\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})?"
    r"(?:,\s" + _MONTH + r"\s\d{1,2})?\s?\([A-Z][\w.&'’]*(?:\s[A-Z][\w.&'’]*){0,3}\)"
    # Month D[, YYYY] (Agency) dash, the city left out ("Oct. 4 (Bloomberg) -- ")
    r"|" + _MONTH + r"\s\d{1,2}(?:,\s\d{4})?\s?\([A-Z][\w.&'’]*(?:\s[A-Z][\w.&'’]*){0,3}\)"
    # (Agency) dash
    r"|\([A-Z][\w.&'’]*(?:\s[A-Z][\w.&'’]*){0,3}\)"
    r")(?:\s+(?:-{1,2}|–|—)\s+|\s*—\s*)(?=[A-Z0-9“\"‘'])"
)
#: An outlet's name as the dateline, "Kaieteur News – Police investigators …": up to three
#: capitalised words, a spaced en or em dash (never a hyphen), and a new sentence (a capital and
#: a lower-case word: a parenthetical dash after a subject goes on in lower case, "Lee – who
#: took office in June – said …").
_OUTLET_DATELINE = re.compile(
    r"^[A-Z][\w’'.&]*(?:\s[A-Z][\w’'.&]*){0,2}\s[—–]\s(?=[A-Z][a-z]*\s[a-z])"
)

#: A page's time stamp, "Updated on September 19 at 3:15 p.m.", "Published: 26 Sep 2011 10:02":
#: when the page changed, not what happened (a rater found its date asked).
_STAMP = re.compile(
    r"^(?:(?:Last\s+)?[Uu]pdated|Published|Posted|First\s+published)(?:\s+on)?:?\s+"
    r"(?:" + _MONTH + r"\s|\d)"
)
_STAMP_WORDS = frozenset(
    ("updated", "published", "posted", "on", "at", "p", "a", "am", "pm", "et", "gmt", "utc")
)
#: An author's box, "Drew DeSilver is a Senior Writer at the Pew Research Center.": about the
#: writer, not the news (a rater found the writer's employer asked).
_AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s+is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}"
    r"(?:[Ww]riters?|[Rr]eporter|[Cc]orrespondent|[Ee]ditor|[Cc]olumnist|[Cc]ontributor"
    r"|[Jj]ournalist)\s+(?:at|for|with|of)\s+(?:the\s+)?[A-Z][^.]{0,100}\.$"
)

#: An all-caps label before a paragraph's sentence, "WHY IT MATTERS: The vote ...": a subhead
#: run into its paragraph. Cut like a dateline.
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z0-9'’ ,&-]{3,40}:\s+(?=[A-Z“\"‘])")

# -- links, sign-ups, copyright ----------------------------------------------------------------

#: "Related:", "READ MORE: ...", "See also", "More from Northsea Wire": a link to another story.
#: A header alone on its line is followed by the link titles it introduces.
#: The word must be followed by a colon or a spaced separator (or end the line), so "Related
#: costs rose ..." and "More than 60 ships ..." stay sentences.
_RELATED = re.compile(
    r"^(?:(?:RELATED|Related|READ MORE|Read more|Read More|READ ALSO|Read also|ALSO READ"
    r"|Also read|SEE ALSO|See also|See Also|RECOMMENDED|Recommended|FURTHER READING"
    r"|Further reading|(?:Related|RELATED) (?i:stories|articles|coverage|content|links|topics"
    r"|reading|news))(?:\s*:|\s+[|»›>–—-]\s|\s*$)"
    r"|(?:MORE|More)(?:\s*:|\s*$)|Click here (?:to|for)\s)"
)
_RELATED_HEADER = re.compile(
    r"^(?:More from [^.!?]{1,60}|Most (?:read|popular|viewed|shared)"
    r"|Trending(?: now)?|Top stories|You (?:may|might) also like|What to read next"
    r"|Editors['’]? picks?|Latest (?:news|stories)|Related|Read more|See also)\s*:?\s*$",
    re.IGNORECASE,
)

_PLATFORM = (
    r"(?:Twitter|X|Facebook|Instagram|Threads|Bluesky|LinkedIn|TikTok|YouTube|Mastodon"
    r"|WhatsApp|Telegram|Flipboard|Google News)"
)
#: Sign-offs that send the reader elsewhere (or to the comments). Each names the platform or the
#: newsletter, so a sentence starting "Follow-up tests showed ..." or "Like many farmers ..." is
#: kept.
_SOCIAL = re.compile(
    r"^(?:Follow\s+(?:us|me|him|her|them|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"(?:\s+and\s+[\w.'’ -]{1,40})?\s+on\s+" + _PLATFORM + r"\b"
    r"|Follow\b[^.]{0,80}@\w+"
    r"|(?:Sign up|Subscribe|Register)\b[^.]{0,60}\b(?:newsletters?|briefings?|alerts?|podcasts?"
    r"|digest|emails?|updates)\b"
    r"|(?:Like|Find|Join|Connect with|Follow) us on\s+" + _PLATFORM + r"\b"
    r"|Share(?:\s+this(?:\s+(?:article|story|page))?)?(?:\s+(?:on|via)\s+(?:"
    + _PLATFORM
    + r"|email|Email))?\s*$"
    r"|(?:Download|Get) (?:the|our) [\w ]{0,30}\bapps?\b"
    r"|(?:You['’]ll|You will) (?:receive|get)\b[^.]{0,60}\b(?:updates|newsletters?|headlines"
    r"|emails?|alerts)\b"
    r"|.{0,200}\b(?:Register|Sign up|Subscribe|Join|Download|Play|Apply|Click here)"
    r"(?: [Nn]ow| [Tt]oday)?!\s*$"
    r"|Listen to (?:this|the) (?:article|story)\b"
    r"|(?:We want to hear from you|Write to us in the [Cc]omments section|Tell us what you think"
    r"|Leave a comment|Join the conversation)\b"
    r"|(?:What about you\?\s*)?(?:Share your (?:thoughts|views|opinions?|experiences?)|Let us know)"
    r"\b[^.]{0,80}\b(?:in the comments|comments? below|below)\b"
    r"|@\w{2,30}\s*$"
    # a competition's promo, "WIN a 10 day campervan adventure in Queensland" (set Z, tuned)
    r"|WIN\s+(?:a|an|the)\b"
    r"|Win (?:a|an) [^.]{0,60}\b(?:holiday|trip|adventure|getaway|cruise|voucher|tickets?)\b"
    r"|[\w.+-]+@[\w-]+\.[\w.]+\s*$)"
)

#: "© 2025 Outlet", "Copyright 2025 The Associated Press. All rights reserved.", AP's "This
#: material may not be published ...", an outlet's standards note. "Copyright law ..." is a
#: sentence: the word must be followed by ©, (c) or a year.
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)\s*\d{4}|Copyright\s*(?:©|\(c\)|\d{4})|This material may not be published"
    r"|Our Standards:)"
    r"|\bAll rights reserved\b"
    # a market-data page's terms, "NYSE and AMEX quotes delayed by at least 20 minutes" (kept
    # by trafilatura from a Reuters page and asked as if it were the story: fresh set BB, tuned)
    r"|^(?:(?:[A-Z]{2,}(?:,\s|\sand\s)?)*\s?)?(?:[Qq]uotes|[Dd]ata) (?:are )?delayed by at least "
    r"\d+ minutes"
)

#: A learners' glossary entry: "lash - v. to tie something firmly ..." (VOA's "Words in This
#: Story"): a word, a dash and a part of speech.
_GLOSSARY = re.compile(
    r"^[\w'’ -]{1,40}\s[-–—]\s(?:n|v|adj|adv|prep|conj|pron|phrasal v|idiom|noun|verb)\.\s"
)

#: Another story's teaser in a page's rail: a capitalised label, then its summary, cut off
#: ("FIVE-YEAR WINDOW? A defense institute CEO said … commissioned by the").
_TEASER_LABEL = re.compile(r"^[A-Z][A-Z0-9'’ ,&-]{3,40}[:?]\s")


def _unfinished(line: str) -> bool:
    """A paragraph that stops without ending a sentence: text cut off by a page's layout."""
    return not line.rstrip().endswith(tuple(_TERMINAL + ")]:;"))


#: A teaser of another story, cut short mid-sentence ("… according to a new forecast from
#: British multinational ..."): a saved page's rail of headlines, which extraction keeps.
_CUT_SHORT = re.compile(r"\s(?:\.\.\.|…)$")

_INNER_STOP = re.compile(r"[.!?][\"”’']?\s+[A-Z“\"]")
_PIECES = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z(“\"])")


@dataclass(frozen=True, slots=True)
class Part:
    """A stretch of one paragraph: body text, or furniture of a kind. Offsets into the article."""

    start: int
    end: int
    kind: str


def _only_credit_words(line: str) -> bool:
    """No lower-case word but those a credit is made of (so: names, and the glue between)."""
    return all(w.lower() in _CREDIT_WORDS for w in _LOWER_WORD.findall(line))


def _credit_kind(piece: str) -> str | None:
    """SIGN_OFF or BYLINE for a sign-off, a byline or a reporter's credit (a sentence, or a whole
    line), else None."""
    if not piece:
        return None
    if _SIGN_OFF.match(piece):
        return SIGN_OFF
    return BYLINE if _is_credit(piece) else None


def _is_credit(piece: str) -> bool:
    if _WROTE_THIS.match(piece) or _WAS_EDITOR.match(piece) or _AUTHOR_BIO.match(piece):
        return True
    if len(piece.split()) <= 12 and _STAMP.match(piece):
        return set(_LOWER_WORD.findall(piece)) <= _STAMP_WORDS
    if len(piece.split()) > 40:
        return False
    if _BYLINE.match(piece) or _CREDIT_LINE.match(piece) or _CONTRIBUTED.search(piece):
        return _only_credit_words(piece)
    return False


def _is_caption(line: str) -> bool:
    if _CAPTION_START.match(line) or _AP_PHOTO.search(line) or _CREDIT_ONLY.match(line):
        return True
    tail = line[-160:]  # end-anchored searches look at the end only: linear, cheap
    if _CAPTION_END.search(tail):
        return True
    credit = _CREDIT_END.search(tail)
    if credit is None:
        return False
    return credit.group("bracket") is None or not _introduces_acronym(tail, credit.start())


def _introduces_acronym(line: str, bracket: int) -> bool:
    """Whether a bracket introduces an acronym: "... the Associated Press (AP)." names an agency
    and its acronym, a sentence and not a credit. True when the capitals in brackets are the
    initials of the words before them."""
    acronym = re.sub(r"[^A-Z]", "", line[bracket : line.index(")", bracket)])
    words = re.findall(r"[A-Za-z]+", line[max(0, bracket - 80) : bracket])
    initials = "".join(w[0] for w in words if w[0].isupper())
    return len(acronym) >= 2 and initials.endswith(acronym)


def _is_caps(line: str) -> bool:
    """Mostly capital letters: a subhead ("WHAT THE UNION WANTS"), never a report's sentence."""
    if len(line) > 200:
        return False  # a subhead is short; and this keeps the per-character count cheap
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 3:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 0.85 * len(letters)


def _headline_like(line: str) -> bool:
    """A short line without a sentence's ending: a subhead or a link title. Such a line is not a
    whole statement (:func:`quiz.generate.article.usable_sentence` would refuse it), and its names
    are no facts; questions about a subhead come from the paragraphs under it."""
    words = len(line.split())
    if line[-1] == "?":
        return words <= 10 and not any(q in line for q in '“”"')
    return words <= 12 and line[-1] not in _TERMINAL and not _INNER_STOP.search(line)


def line_kind(line: str) -> str:
    """The furniture kind of one line read on its own (a caption, a byline, a related link…),
    or :data:`BODY`: what the bank's default title must not be."""
    return _kind(line.strip(), True, False)


def _kind(line: str, headline_seen: bool, after_related: bool) -> str:
    """The furniture kind of a whole paragraph, or BODY."""
    if _COPYRIGHT.search(line):
        return COPYRIGHT
    if _is_caption(line):
        return CAPTION
    if _GLOSSARY.match(line):
        return GLOSSARY
    if _SOCIAL.match(line):
        return SOCIAL
    if _RELATED.match(line) or _RELATED_HEADER.match(line) or _CUT_SHORT.search(line):
        return RELATED
    if _unfinished(line) and _TEASER_LABEL.match(line):
        return RELATED  # "RISK REMAINS: An official said … The ministry said in a s"
    if (
        after_related
        and len(line.split()) <= 20
        and line[-1] != "."
        and not _INNER_STOP.search(line)
    ):
        return RELATED  # a link title under a "Read more" header
    if _is_caps(line) and (headline_seen or len(line.split()) < 4):
        return SUBHEAD  # an all-caps first line of four words or more is the headline itself
    if headline_seen and _headline_like(line):
        return SUBHEAD
    return BODY


def _split(offset: int, line: str) -> list[Part]:
    """A body paragraph's parts: a dateline or label cut off its front, credit sentences ("Jo
    Roe contributed to this report.", "I'm Jo Roe.") off its end."""
    parts: list[Part] = []
    start = 0
    prefix = _DATELINE.match(line) or _OUTLET_DATELINE.match(line) or _CAPS_LABEL.match(line)
    if prefix is not None and prefix.end() < len(line):
        label = SUBHEAD if prefix.re is _CAPS_LABEL else DATELINE
        parts.append(Part(offset, offset + prefix.end(), label))
        start = prefix.end()
    starts = [start] + [m.end() for m in _PIECES.finditer(line, start)]
    trailing: list[Part] = []
    cut = len(line)
    for piece_start in reversed(starts):
        piece = line[piece_start:cut].rstrip()
        credit = _credit_kind(piece)
        if credit is None:
            break
        trailing.append(Part(offset + piece_start, offset + piece_start + len(piece), credit))
        cut = piece_start
    body = line[start:cut].rstrip()
    if body:
        parts.append(Part(offset + start, offset + start + len(body), BODY))
    parts.extend(reversed(trailing))
    return parts


def paragraph_parts(paragraphs: list[tuple[int, str]], text: str = "") -> list[Part]:
    """Every paragraph cut into its body and furniture parts, in order (one pass). ``text``,
    the whole article, shows which paragraphs were list items (their marker is not in them)."""
    out: list[Part] = []
    headline_seen = False
    after_related = False
    for offset, line in paragraphs:
        kind = _credit_kind(line) or _kind(line, headline_seen, after_related)
        if kind == BODY and _listed_caption(text, offset, line):
            kind = CAPTION
        if kind == RELATED:
            header = _RELATED.match(line)
            after_related = (
                after_related
                or _RELATED_HEADER.match(line) is not None
                or (header is not None and not line[header.end() :].strip(" :|»›>–—-"))
            )
        else:
            after_related = False
        if kind != BODY:
            out.append(Part(offset, offset + len(line), kind))
            continue
        split = _split(offset, line)
        out.extend(split)
        headline_seen = headline_seen or any(p.kind == BODY for p in split)
    return out


def parts(text: str) -> list[Part]:
    """The article's paragraphs cut into body text and furniture."""
    return paragraph_parts(split_paragraphs(text), text)


def _listed_caption(text: str, offset: int, line: str) -> bool:
    """A list item of twenty words or more that ends no sentence: a photo essay's caption,
    which extraction lists after its pictures ("- Buck Cullen with his daughter … whale
    recovery team"; a walk-through found one asked, set M). A news list's items are short or
    end their sentences."""
    before = text[max(0, offset - 3) : offset].lstrip("\n")
    return before.strip() in ("-", "•", "*", "–") and len(line.split()) >= 20 and _unfinished(line)


def body_paragraphs(text: str) -> list[tuple[int, str]]:
    """Like :func:`~quiz.generate.article.split_paragraphs`, with furniture left out: (offset,
    text) of each body stretch, the text verbatim from the article."""
    return [(p.start, text[p.start : p.end]) for p in parts(text) if p.kind == BODY]


def body_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) character spans of the article that are body text, in order."""
    return [(p.start, p.end) for p in parts(text) if p.kind == BODY]
