"""Numbers through the real engine: phones, national IDs, birth dates, cards, IBANs, accounts, host names.

Every case asserts the exact span text and its entity type, or that a
look-alike (a date, an order number, an appointment) is not reported.
"""

from __future__ import annotations

import pytest

from veil.privacy.pii import PiiEngine
from veil.privacy.pii import national_id_checksums as cs
from veil.privacy.pii.recognizers.cues import cell_header, label_before


def of_type(engine: PiiEngine, text: str, entity: str) -> list[str]:
    return [text[s.start : s.end] for s in engine.analyze_texts([text])[0] if s.entity_type == entity]


def bump_last_digit(value: str) -> str:
    return value[:-1] + str((int(value[-1]) + 1) % 10)


# ----------------------------------------------------------------------------- PHONE_NUMBER
@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Contact: 925 086 721 mobile", "925 086 721"),
        ("Please call me on 0511/149319 about the invoice.", "0511/149319"),
        ("Reply C to cancel or call 338/7643827.", "338/7643827"),
        ("Tel. 06-1-245-4178\nOpening hours 9-17", "06-1-245-4178"),
        ("Brasília - DF\n(71) 9 8727-6678 · pedro@example.org", "(71) 9 8727-6678"),
        ("Maria Lopes (911119909) joined late.", "911119909"),
        ("0211/165518 office", "0211/165518"),
        ("Questions: info@bakery.no or 27 71 88 14 office", "27 71 88 14"),
        ("Phone on booking: 720410772", "720410772"),
        ("Callback: 0031 (0)70 585 8864.", "0031 (0)70 585 8864"),
        ("T: (+47) 928 85 281", "(+47) 928 85 281"),
        ("Phone: (06-72) 245-124", "(06-72) 245-124"),
        ("[14:13] customer: Ana Lima, 0055 85 94759-7714", "0055 85 94759-7714"),
        ("Previous landlord Frank Love, 75547731. Monthly rent is due.", "75547731"),
        ("Kind regards,\nJo Bloggs\nHR Business Partner\n861-046-5095 x472", "861-046-5095 x472"),
    ],
)
def test_phone_written_many_ways(engine: PiiEngine, text: str, phone: str) -> None:
    assert of_type(engine, text, "PHONE_NUMBER") == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "Date: 03-12-2024\nDeliver to the back door.",
        "Action items (08.03.2025)",
        "Thank you. 42,28 € will be charged on 08.07.2024.",
        "Reminder: Sun 01.10.2023 10:10, room 5.87.",
        "Order 5654914671 · 11 x 250 ml",
        "Our ref: F2028-78184   Your ref: 04726695",
        "Total due: 2 402 480 Ft",
        "My box at 217.95.92.212 proxies the backend.",
        "SKU 421.326.19 AeroBrew kettle",
        "Net loss (12345678) was reported.",  # parentheses after a word that is no name
        "Revenue for March, 12345678.",
    ],
)
def test_dates_codes_and_amounts_are_not_phones(engine: PiiEngine, text: str) -> None:
    assert of_type(engine, text, "PHONE_NUMBER") == []


# ----------------------------------------------------------------------------- NATIONAL_ID
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("PESEL 93033025874", "93033025874"),
        ("rodné číslo: 770827/5817", "770827/5817"),
        ("BSN 2557.57.220", "2557.57.220"),
        ("CPF 480.363.180-83 | 18/03/1978", "480.363.180-83"),
        ("personnummer: 19520814-3734", "19520814-3734"),
        ("CPR 280359-0187", "280359-0187"),
        ("fødselsnummer: 120173 38445", "120173 38445"),
        ("henkilötunnus: 161088-579S", "161088-579S"),
        ("Personal number (NIF): 214 232 433", "214 232 433"),
        ("Steuer-ID: 40597112833", "40597112833"),
        ("adóazonosító jel 8328726211", "8328726211"),
        ("TAJ number 646 221 025", "646 221 025"),
        # Distinctive shapes that validate need no label.
        ("Signed by the holder of 480.363.180-83 yesterday.", "480.363.180-83"),
        ("The form shows 161088-579S on page two.", "161088-579S"),
    ],
)
def test_national_ids(engine: PiiEngine, text: str, value: str) -> None:
    assert of_type(engine, text, "NATIONAL_ID") == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Order 93033025874 has shipped.",  # a valid PESEL, but the label says order
        "The code 480363180 is printed on the box.",  # no label, no distinctive shape
        "Invoice 770827/5817 is overdue.",
    ],
)
def test_unlabelled_or_mislabelled_numbers_are_not_national_ids(engine: PiiEngine, text: str) -> None:
    assert of_type(engine, text, "NATIONAL_ID") == []


def test_a_labelled_id_with_a_bad_check_digit_is_still_reported(engine: PiiEngine) -> None:
    # Fail closed: the label says what the number is, a typo does not make it less personal.
    assert of_type(engine, "PESEL 93033025875", "NATIONAL_ID") == ["93033025875"]
    assert not cs.pesel_valid("93033025875")


def test_ssn_cue_is_left_to_the_ssn_recognizer(engine: PiiEngine) -> None:
    assert of_type(engine, "His SSN is 536221234.", "US_SSN") == ["536221234"]
    assert of_type(engine, "His SSN is 536221234.", "NATIONAL_ID") == []


@pytest.mark.parametrize(
    ("validator", "valid"),
    [
        (cs.pesel_valid, "44051401359"),
        (cs.cz_birth_number_valid, "770827/5817"),
        (cs.bsn_valid, "111222333"),
        (cs.cpf_valid, "480.363.180-83"),
        (cs.se_personnummer_valid, "811218-9876"),
        (cs.no_fnr_valid, "25066317040"),
        (cs.fi_hetu_valid, "131052-308T"),
        (cs.pt_nif_valid, "138541531"),
        (cs.de_idnr_valid, "40597112833"),
        (cs.hu_tax_id_valid, "8328726211"),
        (cs.hu_taj_valid, "646221025"),
        (cs.ch_ahv_valid, "756.9217.0769.85"),
        (cs.ro_cnp_valid, "1800101221144"),
        (cs.hr_oib_valid, "69435151530"),
        (cs.ee_isikukood_valid, "37605030299"),
        (cs.tr_tckn_valid, "10000000146"),
        (cs.cn_resident_id_valid, "11010519491231002X"),
        (cs.be_national_number_valid, "85.07.30-033.28"),
        (cs.cl_rut_valid, "12.345.678-5"),
    ],
)
def test_national_id_validators_accept_known_numbers_and_reject_a_changed_digit(validator, valid: str) -> None:
    assert validator(valid)
    if valid[-1].isdigit():
        assert not validator(bump_last_digit(valid))


# ----------------------------------------------------------------------------- DATE_OF_BIRTH
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Born: 1990.12.17.\nDriving licence: category B.", "1990.12.17."),
        ("Main driver: MAGYAR LILLA, born 1981.09.26.", "1981.09.26."),
        ("Date of birth: 28/07/1970", "28/07/1970"),
        ("geb. 3. Mai 1985 in Köln", "3. Mai 1985"),
        ("Mme Durand, née le 12 mars 1961", "12 mars 1961"),
        ("Patient: Reyes, P (8/7/1975)\nAllergies: penicillin", "8/7/1975"),
        ("Patient: Straw, M (4/1/1977)\nNext review 21 Apr 2025", "4/1/1977"),
        ("Employee | ID | Born | Net pay\nAna Lima | 123 | 16/10/1948 | R$ 7.761,42", "16/10/1948"),
    ],
)
def test_birth_dates(engine: PiiEngine, text: str, date: str) -> None:
    assert of_type(engine, text, "DATE_OF_BIRTH") == [date]


@pytest.mark.parametrize(
    "text",
    [
        "Date of birth: 30 October 2000\nAppointment: 4 April 2024, 18:15",
        "Date of birth: 20.10.1990\nNewsletter: yes\nSubmitted 2023-03-23 18:00",
        "Weekly sync - 01.03.2023",
        "Meeting with the team (12/03/2024) went well.",
        "The Treaty of Rome (25 March 1957) founded the EEC.",
    ],
)
def test_other_dates_are_not_birth_dates(engine: PiiEngine, text: str) -> None:
    dates = of_type(engine, text, "DATE_OF_BIRTH")
    assert all(d in ("30 October 2000", "20.10.1990") for d in dates)
    assert len(dates) == text.count("birth")


# ----------------------------------------------------------------------------- cards, IBANs, accounts
@pytest.mark.parametrize(
    ("text", "card"),
    [
        ("customer: 2221804331833461 exp 05/28", "2221804331833461"),
        ("charged twice on card 2720 0894 9538 6664.", "2720 0894 9538 6664"),
        ("card 2221-2167-8741-9515 was declined", "2221-2167-8741-9515"),
    ],
)
def test_mastercard_two_series(engine: PiiEngine, text: str, card: str) -> None:
    assert of_type(engine, text, "CREDIT_CARD") == [card]


def test_mastercard_two_series_needs_luhn(engine: PiiEngine) -> None:
    assert of_type(engine, "card 2221-2167-8741-9516 was declined", "CREDIT_CARD") == []


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        ("Please transfer to CZ6545407580826927636414 within 14 days.", "CZ6545407580826927636414"),
        ("Refund to my account ES8735540539513273617386 instead.", "ES8735540539513273617386"),
        ("Pay to SE0969817089586513486412 today", "SE0969817089586513486412"),
    ],
)
def test_unspaced_iban_before_a_word(engine: PiiEngine, text: str, iban: str) -> None:
    assert of_type(engine, text, "IBAN_CODE") == [iban]


@pytest.mark.parametrize(
    "text",
    [
        "Refund to my account ES8735540539513273617386 instead.\nOrder 7675582946, invoice RE-2029-52924.",
        "ok thx, it's Emma btw, account CUST-672498",
        "Your direct debit from account 1597491 starts 2019-07-05.",
    ],
)
def test_order_numbers_codes_and_dates_are_not_bank_accounts(engine: PiiEngine, text: str) -> None:
    accounts = of_type(engine, text, "BANK_ACCOUNT")
    assert accounts == (["1597491"] if "1597491" in text else [])


# ----------------------------------------------------------------------------- DOMAIN_NAME
@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Booking is online, see kowalski-bud.pl, tel. 22 111 22 33.", "kowalski-bud.pl"),
        ("Can you ping mail.granli-bygg.no?", "mail.granli-bygg.no"),
        ("Portfolio: ana-lima.io", "ana-lima.io"),
    ],
)
def test_bare_host_names(engine: PiiEngine, text: str, host: str) -> None:
    assert of_type(engine, text, "DOMAIN_NAME") == [host]


@pytest.mark.parametrize(
    "text",
    [
        "Run main.py and read README.md first.",
        "I moved my mail to gmail.com last year.",
        "Write to info@kowalski-bud.pl today.",
    ],
)
def test_files_public_services_and_mail_addresses_are_not_host_names(engine: PiiEngine, text: str) -> None:
    assert of_type(engine, text, "DOMAIN_NAME") == []


# ----------------------------------------------------------------------------- cues
def test_nearest_cue_on_the_line_wins() -> None:
    text = "Call Mrs Weber on 0511 149319 re invoice INV 5850700."
    assert label_before(text, text.index("0511"))[0] == "phone"
    assert label_before(text, text.index("5850700")) == ("other", 0)
    assert label_before("Order number: 123", len("Order number: ")) == ("other", 0)


def test_cell_header_of_a_pipe_table() -> None:
    text = "Employee | ID | Born\nAna | X1 | 16/10/1948"
    assert cell_header(text, text.index("16/10")) == "Born"
    assert cell_header("no table here 16/10/1948", 15) is None


@pytest.mark.parametrize(
    "text, phone",
    [
        ("Ashley Price (6381511180) called about the second questionnaire.", "6381511180"),
        ("Sharon Gross (6260224416) called about the second questionnaire.", "6260224416"),
    ],
)
def test_a_name_ending_in_a_label_word_still_marks_its_phone(engine, text, phone):
    found = {text[s.start : s.end]: s.entity_type for s in engine.analyze_texts([text])[0]}
    assert found.get(phone) == "PHONE_NUMBER"


def test_an_order_number_in_parentheses_is_no_phone(engine):
    text = "Order (5654914671) shipped on Monday."
    assert "PHONE_NUMBER" not in {s.entity_type for s in engine.analyze_texts([text])[0]}
