"""Addresses, postcodes and place names through the real engine: what is found, and what must not be.

Every case asserts the exact text of each span and its entity type. The
addresses are written in their countries' own formats (number after the
street, units and floors on their own, postcodes with a hyphen or a space,
local country names) because that is how they reach the service.
"""

from __future__ import annotations

import pytest

from veil.privacy.pii import PiiEngine
from veil.privacy.pii.recognizers import gazetteer


def found(engine: PiiEngine, text: str) -> list[tuple[str, str]]:
    """(span text, entity type) of every span the engine reports in ``text``, in text order."""
    return [(text[s.start : s.end], s.entity_type) for s in engine.analyze_texts([text])[0]]


def of_type(engine: PiiEngine, text: str, entity: str) -> list[str]:
    return [span for span, kind in found(engine, text) if kind == entity]


# ----------------------------------------------------------------------------- whole addresses
ADDRESS_BLOCKS = [
    pytest.param(
        "Factuur aan:\nJan de Vries\nKeizersgracht 123-II\n1015 CJ Amsterdam\nNederland",
        "Keizersgracht 123-II\n1015 CJ Amsterdam\nNederland",
        id="nl-block",
    ),
    pytest.param(
        "Adres do korespondencji: ul. Piękna 15/3, 00-549 Warszawa, Polska",
        "ul. Piękna 15/3, 00-549 Warszawa, Polska",
        id="pl-one-line",
    ),
    pytest.param(
        "Please send the contract to:\nRua Augusta, n.º 27\n3.º Esq.\n1100-048 Lisboa\nPortugal",
        "Rua Augusta, n.º 27\n3.º Esq.\n1100-048 Lisboa\nPortugal",
        id="pt-floor-line",
    ),
    pytest.param(
        "Our office: Petőfi Sándor utca 12., 2. em. 4., 1052 Budapest",
        "Petőfi Sándor utca 12., 2. em. 4., 1052 Budapest",
        id="hu-type-after-name",
    ),
    pytest.param(
        "Kontor: Nørregade 14, 2. tv., 1165 København K, Danmark",
        "Nørregade 14, 2. tv., 1165 København K, Danmark",
        id="dk-floor-side",
    ),
    pytest.param(
        "Visit us at Drottninggatan 5, 111 51 Stockholm. We open at nine.",
        "Drottninggatan 5, 111 51 Stockholm",
        id="se-in-a-sentence",
    ),
    pytest.param("Dodací adresa: Husova 12, 110 00 Praha 1", "Husova 12, 110 00 Praha 1", id="cz-no-street-type"),
    pytest.param(
        "Registered office: Flat No. 12, Shanti Apartments, 14th Cross Road, Indiranagar, Bengaluru 560038, Karnataka",
        "Flat No. 12, Shanti Apartments, 14th Cross Road, Indiranagar, Bengaluru 560038, Karnataka",
        id="in-flat-and-building",
    ),
    pytest.param(
        "Shipping address\n1200 Harbor Boulevard\nSuite 400\nWeehawken, NJ 07086\nUSA",
        "1200 Harbor Boulevard\nSuite 400\nWeehawken, NJ 07086\nUSA",
        id="us-suite-line",
    ),
    pytest.param(
        "SHIP TO:\nMARTA KOWALSKA\nUL. DŁUGA 7/2\n80-827 GDAŃSK\nPOLSKA\nTEL 600 100 200",
        "UL. DŁUGA 7/2\n80-827 GDAŃSK\nPOLSKA",
        id="pl-all-caps-label",
    ),
    pytest.param(
        "Please update my address to Calle de Alcalá 48, 4º izq., 28014 Madrid, España. Thanks!",
        "Calle de Alcalá 48, 4º izq., 28014 Madrid, España",
        id="es-floor-side",
    ),
    pytest.param(
        "Endereço: Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200",
        "Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200",
        id="br-dashes",
    ),
    pytest.param(
        "Osoite: Mannerheimintie 22 A 5, 00100 Helsinki",
        "Mannerheimintie 22 A 5, 00100 Helsinki",
        id="fi-staircase-flat",
    ),
    pytest.param(
        "Lieferung an Hauptstraße 5a, 3. OG, D-80331 München bis Freitag.",
        "Hauptstraße 5a, 3. OG, D-80331 München",
        id="de-country-prefix",
    ),
]


@pytest.mark.parametrize(("text", "address"), ADDRESS_BLOCKS)
def test_an_address_block_is_one_span_from_street_to_country(engine: PiiEngine, text: str, address: str) -> None:
    assert of_type(engine, text, "ADDRESS") == [address]


def test_a_block_keeps_its_other_lines_when_a_longer_span_takes_its_first(engine: PiiEngine) -> None:
    # Whatever takes "Installatietechniek\nPrinsengracht" (a longer span of another type), the postcode
    # line of the block is still reported.
    text = "Dijkwerk Installatietechniek\nPrinsengracht 73-II\n3006 SG Rotterdam\nTel. 020 974 3247"
    spans = found(engine, text)
    assert ("3006 SG Rotterdam", "ADDRESS") in spans or ("Prinsengracht 73-II\n3006 SG Rotterdam", "ADDRESS") in spans


def test_form_labels_split_an_address_into_its_fields(engine: PiiEngine) -> None:
    text = (
        "Street: Kastanienallee 7\nApartment / suite: Whg. 3\nPostcode: 10435\nCity: Berlin\n"
        "Country: Germany\nDate of birth: 12.04.1988"
    )
    assert of_type(engine, text, "ADDRESS") == ["Kastanienallee 7", "Whg. 3", "10435", "Berlin", "Germany"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[10:02] customer: my billing postcode is 33100 Tampere", [("33100", "POSTCODE"), ("Tampere", "LOCATION")]),
        ("Ship it to 69-100 Słubice, please.", [("69-100", "POSTCODE"), ("Słubice", "LOCATION")]),
    ],
)
def test_a_postcode_with_its_town_but_no_street_is_postcode_and_location(
    engine: PiiEngine, text: str, expected
) -> None:
    assert [f for f in found(engine, text) if f[1] in ("POSTCODE", "LOCATION", "ADDRESS")] == expected


def test_a_postcode_answering_a_question_for_it_is_a_postcode(engine: PiiEngine) -> None:
    text = "[10:22] agent: Could I have your full name and postcode please?\n[10:23] customer: sure, jo bloggs, 05800"
    assert of_type(engine, text, "POSTCODE") == ["05800"]
    assert of_type(engine, "[10:22] agent: Could I have your order number?\n[10:23] customer: 05800", "POSTCODE") == []


# ----------------------------------------------------------------------------- place names
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("We are moving from Tampere to Oulu next spring.", ["Tampere", "Oulu"]),
        ("Invoice 4471 | Jyväskylä | net 30 days", ["Jyväskylä"]),
        ("Kraków, 3 March 2025", ["Kraków"]),
        ("Made in Deutschland, sold in ITALIA.", ["Deutschland", "ITALIA"]),
        # A town with its region or country is one span: a longer span of another type cannot take the pair.
        ("Our new branch opens near Szeged, Hungary.", ["Szeged, Hungary"]),
        ("Moving to Sopron (Győr-Moson-Sopron, Magyarország) in May.", ["Sopron (Győr-Moson-Sopron, Magyarország"]),
        ("Brooke Nguyen | Tofino, BC | brooke@example.ca", ["Tofino, BC"]),
        # Fail closed: a gazetteer town that is no word and no person's name needs no cue.
        ("The Tübingen plant ships on Fridays.", ["Tübingen"]),
        ("Depot: 44120 Kartal/İstanbul", ["Kartal/İstanbul"]),
        ("a Gdańsk-based maker of ferry parts", ["Gdańsk"]),
        ("Ballymore Road\nCo. Cork", ["Co. Cork"]),
        ("SHIP TO:\nPIET DE VRIES\nAPELDOORN\nNETHERLANDS", ["APELDOORN", "NETHERLANDS"]),
        ("We meet in Tampere on Monday. Tampere is cold.", ["Tampere", "Tampere"]),
    ],
)
def test_gazetteer_places_with_evidence_are_locations(engine: PiiEngine, text: str, places: list[str]) -> None:
    assert of_type(engine, text, "LOCATION") == places


# ----------------------------------------------------------------------------- what is not an address or a place
@pytest.mark.parametrize(
    "text",
    [
        "Booking ref ML17FY confirmed for two nights.",
        "Order 98129944 · 3 x 250 ml · Use gate 4, ring twice",
        "07/07/2024\n\nDear Dr. Okafor,",
        "PARCEL 1 OF 3\nTRACKING 003404345699268073\nROUTE 34 / DEPOT 58",
        "Category UGDA, 8 days, 140 290 Ft",
        "Your ref: TCK-468134",
        "The annual premium will be $369.12 CAD from next year.",
        "Our Spring 2024 catalogue has 48 pages.",
        "302002  LED panel 60x60  10 x 236,95 zł",
        "Effective April 21, 2020.",
        "The Summit 45 L backpack is back in stock.",
        "Telephone: +34 607 50 19 95   Mobile: 645 92 71 64",
    ],
)
def test_codes_dates_and_amounts_are_not_places(engine: PiiEngine, text: str) -> None:
    assert [f for f in found(engine, text) if f[1] in ("ADDRESS", "POSTCODE", "LOCATION")] == []


def test_gazetteer_knows_local_names_and_leaves_out_common_words() -> None:
    assert gazetteer.place_kind("Polska") == "country"
    assert gazetteer.place_kind("SVERIGE") == "country"
    assert gazetteer.place_kind("Poznań") == "town"
    assert gazetteer.place_kind("Telangana") == "region"
    assert gazetteer.place_kind("Premium") is None
    assert gazetteer.ambiguous("Victoria") and not gazetteer.ambiguous("Győr")
