"""PERSON, TITLE and ORGANIZATION recognizers on realistic sentences (real engine)."""

from __future__ import annotations

import pytest

from veil.privacy.pii import PiiEngine
from veil.privacy.pii.recognizers.lexicons import english_words, first_names, job_words, last_names


def found(engine: PiiEngine, text: str) -> list[tuple[str, str]]:
    """(span text, entity type) of every span the engine reports in ``text``, in text order."""
    return [(text[s.start : s.end], s.entity_type) for s in engine.analyze_texts([text])[0]]


def of_type(engine: PiiEngine, text: str, entity: str) -> list[str]:
    return [span for span, kind in found(engine, text) if kind == entity]


# ----------------------------------------------------------------------------- lexicons
def test_lexicons_hold_given_names_of_many_countries_and_keep_dictionary_words_apart() -> None:
    given = first_names()
    assert {"giacomo", "sigrún", "lakshmi", "wojciech", "maarten"} <= given
    assert {"nowak", "novák", "jensen"} <= last_names()
    assert {"salary", "consignee"} <= english_words()
    assert "salary" not in given
    assert "roll" in english_words(nouns=False) and "salary" not in english_words(nouns=False)
    assert {"director", "engineer"} <= job_words()


# ----------------------------------------------------------------------------- PERSON
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sender: Joost van der Linden, Kerkstraat 14, 3512 AB Utrecht", "Joost van der Linden"),
        ("The report was signed by Ana de la Fuente yesterday.", "Ana de la Fuente"),
        ("Consignee: Ingrid Solheim, Storgata 3, 0155 Oslo; tel +47 22 11 22 33", "Ingrid Solheim"),
        ("Applicant: Ortiz Medina, Lucía", "Ortiz Medina, Lucía"),
        ("MAIN DRIVER: TOMASZ WIŚNIEWSKI, born 1980-04-02", "TOMASZ WIŚNIEWSKI"),
    ],
)
def test_full_names_with_particles_caps_and_reversed_order(engine: PiiEngine, text: str, name: str) -> None:
    assert name in of_type(engine, text, "PERSON")


def test_a_name_and_a_place_after_a_comma_are_two_things(engine: PiiEngine) -> None:
    text = "Greetings from Hanna Lindgren, Uppsala, Sweden"
    assert "Hanna Lindgren" in of_type(engine, text, "PERSON")
    assert not any("Uppsala" in span for span in of_type(engine, text, "PERSON"))


def test_family_name_repeated_alone_after_the_full_name(engine: PiiEngine) -> None:
    text = "Minutes: Radek Dvořák opened the meeting. Later Dvořák presented the budget."
    assert of_type(engine, text, "PERSON") == ["Radek Dvořák", "Dvořák"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("First name(s): Giacomo", "Giacomo"),
        ("Cover while I am away: Sigrún. Call her on 555 0100.", "Sigrún"),
        ("Hi Grant, the forms are attached.", "Grant"),
    ],
)
def test_given_name_alone_with_a_cue(engine: PiiEngine, text: str, name: str) -> None:
    assert of_type(engine, text, "PERSON") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Salary account: GB29 NWBK 6016 1331 9268 19",
        "Guest: please check in after 3 pm.",
        "Prices rose by 4% in August, so the quote changed.",
        "Bill queries: quote the invoice number.",
        "Roll back to v2.3 if the patch fails.",
        "Skills: SQL, Kubernetes, Power BI. Languages: German (native), French (B2)",
        "BENEFITS ENROLLMENT 2025",
        "Pallets: 2  Dock: 14",
    ],
)
def test_words_that_look_like_names_are_not_people(engine: PiiEngine, text: str) -> None:
    assert of_type(engine, text, "PERSON") == []


def test_spacy_person_span_is_trimmed_to_the_name(engine: PiiEngine) -> None:
    text = "Thanks, Beatriz Almeida Santos"
    assert of_type(engine, text, "PERSON") == ["Beatriz Almeida Santos"]


# ----------------------------------------------------------------------------- TITLE
@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Dear Avv. Lombardi, thank you for your letter.", "Avv."),
        ("Meeting with Mgr. Petra Horáková at 10:00.", "Mgr."),
        ("Signed: Prof.ssa Chiara Rinaldi", "Prof.ssa"),
        ("Dear Eng. Sousa Pinto,", "Eng."),
        ("Please call Smt. Meera Iyer tomorrow.", "Smt."),
        ("Dear inż. Zieliński,", "inż."),
        ("Referred by Mr B. Hollis for assessment.", "Mr"),
    ],
)
def test_local_titles(engine: PiiEngine, text: str, title: str) -> None:
    assert of_type(engine, text, "TITLE") == [title]


def test_english_abbreviation_is_no_title(engine: PiiEngine) -> None:
    assert of_type(engine, "Grades: Eng. 7, Maths 8, History 6", "TITLE") == []


# ----------------------------------------------------------------------------- ORGANIZATION
@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Your table at Trattoria da Gino is confirmed for Friday.", "Trattoria da Gino"),
        ("Reminder: Tandlægehuset Vestergade on Monday at 9:00.", "Tandlægehuset Vestergade"),
        ("We bought the bread at Bäckerei Sonnenschein this morning.", "Bäckerei Sonnenschein"),
        ("Invoice from Kowalski Budownictwo sp. z o.o. is attached.", "Kowalski Budownictwo sp. z o.o."),
        ("Supplier: Hegedűs Kft., Budapest", "Hegedűs Kft."),
        ("Our children go to Escola Básica do Lumiar now.", "Escola Básica do Lumiar"),
        ("PENROSE & ASSOCIATES", "PENROSE & ASSOCIATES"),
    ],
)
def test_organisations_by_kind_word_or_legal_form(engine: PiiEngine, text: str, org: str) -> None:
    assert org in of_type(engine, text, "ORGANIZATION")


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Company: Brightwater Analytics", "Brightwater Analytics"),
        ("Summary: Olga currently works for Quillon Digital in Tallinn.", "Quillon Digital"),
        ("Marta Nowak · Head of Procurement at Zielonka Meble", "Zielonka Meble"),
        ("Senior Accountant, Fennick Partners, Leeds", "Fennick Partners"),
    ],
)
def test_organisations_by_label_verb_or_job_title(engine: PiiEngine, text: str, org: str) -> None:
    assert org in of_type(engine, text, "ORGANIZATION")


def test_line_under_a_job_title_in_a_signature(engine: PiiEngine) -> None:
    text = "Best regards,\nElin Strand\nProject Manager\nNorrvik Kraft\nwww.example.org"
    assert "Norrvik Kraft" in of_type(engine, text, "ORGANIZATION")


@pytest.mark.parametrize(
    "text",
    [
        "Opening hours: Monday-Friday, 8:00-18:00.",
        "Deliver Mon-Fri 9-17.",
        "Policy Services",
        "National Insurance number: QQ 12 34 56 C",
        "Customer Services will reply within two days.",
        "Ticket INC0912345 is resolved.",
        "Re: Clinic taking new patients in Leeds?",
        "VAT ID SE556677889901",
    ],
)
def test_phrases_that_look_like_firms_are_not(engine: PiiEngine, text: str) -> None:
    assert of_type(engine, text, "ORGANIZATION") == []


def test_a_branch_of_a_firm_names_the_place_and_the_firm_apart(engine):
    text = "The printer at the Boston office of Acme Corp. jammed on Monday."
    found = {(text[s.start : s.end], s.entity_type) for s in engine.analyze_texts([text])[0]}
    assert ("Acme Corp.", "ORGANIZATION") in found and ("Boston", "LOCATION") in found
