"""Golden tests for the rules that keep names of the wrong sort out of questions (found on
held-out set C): headings and sign-offs, designations, titles, things that look like people,
acronyms, generic words, and the blanks and swaps that would break a name."""

from __future__ import annotations

from typing import Any


def test_headline_and_sign_off_names_are_not_entities(analyse: Any) -> None:
    article = analyse(
        "Study: Saturn’s Moon Titan Has Huge Layer of Ice\n\n"
        "Scientists at the University of Hawaii carried out the new study on Monday.\n\n"
        "Lauren Schurmeier, who led the study, said the findings were surprising.\n\n"
        "I’m Bryan Lynn.\n"
    )
    names = set(article.entities)
    assert "Bryan Lynn" not in names
    assert not any("Has Huge" in n for n in names)
    assert "University of Hawaii" in names


def test_a_designation_is_no_organisation_and_its_number_no_count(analyse: Any) -> None:
    article = analyse(
        "Astronomers believe the exoplanet LHS 1140 b sits about 48 light years away.\n"
        "The researchers estimated that 10 to 20 percent of LHS 1140 b’s mass might be water.\n"
    )
    assert "LHS" not in article.entities
    assert "1140" not in {f.key for f in article.facts if f.kind == "number"}


def test_titles_are_no_part_of_a_name(analyse: Any) -> None:
    article = analyse(
        "FAA Administrator Mike Whitaker said the rules mark the start of a new era of flight.\n"
        "“This was very surprising,” said University of Hawaii’s Lauren Schurmeier, who led it.\n"
        "According to a resolution that was added by Wikimedia Board Chair Florence Devouard on "
        "the Foundation’s website, Sue Gardner has been confirmed as the new Executive Director.\n"
    )
    assert article.entities["Mike Whitaker"].label == "PERSON"
    assert article.entities["Lauren Schurmeier"].label == "PERSON"
    assert article.entities["Florence Devouard"].label == "PERSON"
    assert not any(
        n.startswith(("Administrator", "University of Hawaii’s")) for n in article.entities
    )


def test_a_telescope_is_not_a_person_and_its_short_name_is_an_alias(analyse: Any) -> None:
    article = analyse(
        "The study is based on observations collected by the James Webb Space Telescope.\n"
        "Researchers combined the information from the James Webb with existing data.\n"
    )
    scope = article.entities["James Webb Space Telescope"]
    assert scope.label != "PERSON" and "James Webb" in scope.aliases
    assert "James Webb" not in article.entities


def test_acronyms_of_names_with_of(analyse: Any) -> None:
    article = analyse(
        "Voice of America’s director resigned on Monday after criticism from the White House.\n"
        "The White House said VOA had spread propaganda during the epidemic last spring.\n"
    )
    assert "VOA" in article.entities["Voice of America"].aliases


def test_generic_words_and_plurals_are_not_names(analyse: Any) -> None:
    article = analyse(
        "The agency said the problem was linked to a chip in one of its onboard computers.\n"
        "Agency officials said the engineers fixed that problem in April after five months.\n"
        "“The trip underscores the Department’s commitment to security,” the statement said.\n"
        "Google added a tool that lets users create digital IDs from photos on Tuesday.\n"
    )
    assert "Agency" not in article.entities
    assert "Department" not in article.entities
    assert "IDs" not in article.entities


def test_planets_are_places_and_storms_are_not_organisations(analyse: Any) -> None:
    article = analyse(
        "Later, Voyager 2 made the first close observations of Uranus and Neptune in 1989.\n"
        "On Tuesday, the remnants of Hurricane Florence brought heavy rain to Massachusetts.\n"
    )
    assert article.entities["Neptune"].label in ("LOC", "GPE")
    assert article.entities["Hurricane Florence"].label not in ("ORG", "PERSON")


def test_no_blank_inside_a_name_or_of_an_adjectival_place(make: Any) -> None:
    text = (
        "Researchers say new telescope observations suggest an Earth-like planet has an ocean.\n"
        "The data could lead U.S. officials to change rules that ban supersonic flights there.\n"
        "He told VOA Learning English he has already seen many good results with the technology.\n"
        "The mission aims to collect data in the United States on the level of noise from jets.\n"
    )
    prompts = [q.prompt for q in make(text).bank.questions]
    assert not any("___-like" in p or "___ officials" in p or "Learning ___" in p for p in prompts)


def test_no_swap_inside_a_quotation_or_after_called(make: Any) -> None:
    text = (
        "Apple chief Tim Cook said the new phones had been “designed for Apple Intelligence "
        "from the ground up.”\n"
        "Google criticised the ruling on Monday, and Microsoft said nothing about the case.\n"
        "That mission calls for a spacecraft called Dragonfly to travel to Titan in 2028.\n"
        "NASA said the Dragonfly mission would cost more than 3 billion dollars in all.\n"
    )
    bank = make(text).bank
    statements = [q.prompt for q in bank.questions if q.type == "true_false"]
    assert not any("designed for Google" in s or "designed for Microsoft" in s for s in statements)
    assert not any("called NASA" in s or "called Google" in s for s in statements)


def test_ordering_skips_since_dates_and_joins_words(analyse: Any) -> None:
    from quiz.generate.grouped import ordering_candidates

    article = analyse(
        "NASA said the agency had not used the S-band since 1981.\n"
        "Later, Voyager 2 made the first-ever close observations of Uranus and Neptune in 1989.\n"
        "Voyager 2 first entered interstellar space in 2018.\n"
    )
    items = [i for c in ordering_candidates(article) for i in c.fields["items"]]
    assert not any("S-band" in i for i in items)
    assert not any("LaterVoyager" in i or i.startswith("Later") for i in items)


def test_a_description_in_lower_case_is_not_a_name(analyse: Any) -> None:
    """spaCy reads "the federal immigration department" as an organisation; used as one, it
    stood in for "IRCC" in a true/false swap keyed False, which was true (fresh set O)."""
    article = analyse(
        "Office space\n\n"
        "Immigration, Refugees and Citizenship Canada (IRCC) released 12 floors in Ottawa.\n\n"
        "A few months later, the federal immigration department delayed its return to office.\n"
    )
    assert not [k for k in article.entities if not any(c.isupper() for c in k)]
    assert any("IRCC" in e.aliases for e in article.entities.values())
