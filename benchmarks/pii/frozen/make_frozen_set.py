#!/usr/bin/env python3
"""Frozen PII evaluation set, built by a generator that is independent of the detector.

What this is
------------
About 900 short English-language documents (email signatures, business letters, shipping labels,
invoices, CV headers, chat transcripts, support tickets, forum posts, meeting notes, delivery notes,
contact forms, booking confirmations, appointment reminders, HR records) whose people, places, addresses,
phone numbers, postcodes and identifiers come from 25 locales and are written the way those countries
write them.  Every value list, template and format function below was written by hand for this file:
no Faker, no package name lists, no public PII benchmark.  About 15% of the documents contain no personal
data at all, only look-alikes (order numbers, SKUs, amounts, dates, versions, room/gate/flight numbers...).

FROZEN
------
This set exists only to MEASURE the PII detector.  It is never used to tune it: do not change the
detector because of what it gets wrong here, and do not change this generator to make the detector look
better.  The file is regenerated only to fix a labelling error in the generator; the commit that does so
says which error it fixes.  The output is deterministic (fixed seed, no clock, no network), so the same
script always writes a byte-identical file.

Output
------
benchmarks/pii/data/text_frozen.jsonl, one JSON object per line:
    {"id": "f0001", "locale": "pl_PL", "layout": "shipping_label", "text": "...",
     "spans": [{"start": 0, "end": 14, "label": "PERSON"}, ...]}
Offsets are Python str indices into "text" (end exclusive).  Texts are built from segments, so every
offset is exact; spans are sorted, never overlap and never start or end on whitespace.

Label conventions
-----------------
PERSON          a person's name as written, whole: "Anna Kowalska", "NOWAK/ZOFIA", "Kowalska, Anna",
                "A. Kowalska", "María García López" (all one span); a given name alone ("Ask Zofia") or a
                surname alone ("Mr Nowak said") is also PERSON.  "Last name: X" / "First name: Y" fields
                are two spans.  A possessive "'s" is outside the span.
TITLE           Mr, Mrs, Ms, Dr, Prof., Herr, Frau, Sig.ra, Pan, Sayın ... its own span; the name after (or,
                on airline tickets, before) it is a separate PERSON span.  "Prof. Dr." is one TITLE span.
ORGANIZATION    any company, shop, hotel, restaurant, school, hospital, practice, NGO, club/team or carrier,
                with its legal-form suffix when written ("Kowalski Bud Sp. z o.o.", "Harper & Cole, Inc.").
                A place or person name inside an organisation name is part of that one span.
STREET_ADDRESS  a street line (number and street in either order, with "ul.", "C/", "Str.", "No:" and the
                like), with its unit when the unit is on the same line ("Calle Mayor 5, 3º B"); a unit line
                on its own ("Suite 210", "m. 12", "3. OG") and a PO box line ("PO Box 4521", "Postfach
                10 02 45") are STREET_ADDRESS too.
LOCATION        a city, town, village, district/neighbourhood, county, state/region/province (also as an
                abbreviation such as "IL", "VIC", "MI") or country, each its own span, also in ALL CAPS.
                Prefix words written before a region or district ("Co." Cork, "Col." Roma Norte, "jud." Cluj,
                "woj." ...) are not part of the span.
POSTCODE        any postal code, its own span even on the city line: "00-950 Warszawa" is POSTCODE "00-950"
                + LOCATION "Warszawa".  Words before it ("CEP", "C.P.") and a country prefix ("CH-", "D-")
                are outside the span.
PHONE_NUMBER    the number with its country prefix ("+48", "0048") and any parentheses that belong to it
                ("(030) 1234-5678", "+44 (0)20 ..."); not a trailing word (office, mobile, ext. 12) and not
                parentheses that merely wrap a bare number ("Ann Kowalski (4155550123) called": the span is
                the ten digits).
EMAIL_ADDRESS   every email address, role mailboxes (info@, support@) included.
URL             a URL with a scheme or starting with "www." (path and query included, trailing sentence
                punctuation excluded).
DOMAIN_NAME     a bare host name written without scheme or "www." ("nowak-dental.pl", "vpn.elbe-logistik.de").
                Hosts inside a URL or an email address are part of that URL / email span.
CREDIT_CARD     a full card number (spaces or dashes inside the span).  Masked numbers ("**** 4242",
                "ending 4242") are not labelled.
IBAN_CODE       an IBAN, grouped in fours or not.
US_SSN          a US social security number.
NATIONAL_ID     any other national person number: PESEL, personnummer, CPR, fødselsnummer, HETU, CPF, CURP,
                DNI/NIE, NIF, BSN, codice fiscale, NIR, AHV, SV-Nummer, Steuer-ID, NINO, NHS number, PPSN,
                TFN, SIN, Aadhaar, PAN, rodné číslo, TAJ, CNP, T.C. Kimlik No.
IP_ADDRESS      IPv4 and IPv6 addresses.
DATE_OF_BIRTH   only birth dates; every other date is unlabelled.
Not labelled (decoys): order/invoice/ticket/tracking/case/customer numbers, SKUs, EANs, company VAT and
registration numbers, BICs, amounts, ordinary dates and times, versions and builds, product names,
quantities, room/gate/seat/flight/dock numbers, percentages, user handles, pet names, masked card numbers,
CVV codes, job titles, nationalities and language names, and words that look like names used as ordinary
words ("Will you...", "prices rose", "May we...", "the bill").

Command
-------
    python benchmarks/pii/frozen/make_frozen_set.py

writes the file, re-reads it and runs the self-check (offsets, values, overlaps, labels, coverage of
repeated values, determinism), then prints documents per locale and layout and spans per label.
Standard library only (Python 3.11).
"""

from __future__ import annotations

import datetime
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

SEED = 20240611
N_DOCS = 900
NO_PII_SHARE = 0.15
REPO = Path(__file__).resolve().parents[3]
OUT = REPO / "benchmarks" / "pii" / "data" / "text_frozen.jsonl"

# fmt: off
LABELS = (
    "PERSON", "TITLE", "ORGANIZATION", "STREET_ADDRESS", "LOCATION", "POSTCODE", "PHONE_NUMBER",
    "EMAIL_ADDRESS", "URL", "DOMAIN_NAME", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "NATIONAL_ID",
    "IP_ADDRESS", "DATE_OF_BIRTH",
)
# fmt: on


# ----------------------------------------------------------------------------------------------------
# segments -> text + exact spans
# ----------------------------------------------------------------------------------------------------


def PER(v):
    return (v, "PERSON")


def TIT(v):
    return (v, "TITLE")


def ORG(v):
    return (v, "ORGANIZATION")


def STR(v):
    return (v, "STREET_ADDRESS")


def LOC(v):
    return (v, "LOCATION")


def PC(v):
    return (v, "POSTCODE")


def PH(v):
    return (v, "PHONE_NUMBER")


def EM(v):
    return (v, "EMAIL_ADDRESS")


def URL(v):
    return (v, "URL")


def DOM(v):
    return (v, "DOMAIN_NAME")


def CARD(v):
    return (v, "CREDIT_CARD")


def IBAN(v):
    return (v, "IBAN_CODE")


def IP(v):
    return (v, "IP_ADDRESS")


def DOB(v):
    return (v, "DATE_OF_BIRTH")


class Doc:
    """Text built from plain strings and (value, label) segments; spans are recorded as they are written."""

    def __init__(self):
        self.buf: list[str] = []
        self.pos = 0
        self.spans: list[tuple[int, int, str, str]] = []

    def w(self, *parts):
        for p in parts:
            if p is None or p == "":
                continue
            if isinstance(p, str):
                self.buf.append(p)
                self.pos += len(p)
            elif isinstance(p, list):
                self.w(*p)
            elif isinstance(p, tuple):
                v, lab = p
                if lab is None:
                    self.w(v)
                    continue
                assert lab in LABELS, lab
                assert v and v == v.strip() and "\n" not in v, repr(v)
                self.spans.append((self.pos, self.pos + len(v), lab, v))
                self.buf.append(v)
                self.pos += len(v)
            else:
                raise TypeError(p)

    def text(self) -> str:
        return "".join(self.buf)


def caps(parts):
    """ALL-CAPS copy of a segment list (labels kept)."""
    if isinstance(parts, str):
        return parts.upper()
    if isinstance(parts, tuple):
        return (parts[0].upper(), parts[1])
    if isinstance(parts, list):
        return [caps(p) for p in parts]
    return parts


def joined(items, sep):
    out = []
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        out.append(it)
    return out


# fmt: off
SPECIAL_ASCII = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d",
                 "Đ": "D", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"}
# fmt: on


def ascii_fold(s: str) -> str:
    s = "".join(SPECIAL_ASCII.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s: str, sep: str = "-") -> str:
    s = ascii_fold(s).lower().replace("&", " ").replace("'", "")
    return re.sub(r"[^a-z0-9]+", sep, s).strip(sep) if sep else re.sub(r"[^a-z0-9]+", "", s)


def fill(rng, pattern: str, letters: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:
    """'#' digit 0-9, 'N' digit 2-9, 'D' digit 1-9, 'L' letter, 'X' digit or letter; anything else literal."""
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(str(rng.randint(0, 9)))
        elif ch == "N":
            out.append(str(rng.randint(2, 9)))
        elif ch == "D":
            out.append(str(rng.randint(1, 9)))
        elif ch == "L":
            out.append(rng.choice(letters))
        elif ch == "X":
            out.append(rng.choice("0123456789" + letters))
        else:
            out.append(ch)
    return "".join(out)


def lst(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()]


# ----------------------------------------------------------------------------------------------------
# locale data, written for this file
#   cities: name;region;postcode prefix;extra (district / colonia / bairro / locality), "/" = alternatives
#   orgs:   kind:name with kinds c company, s shop, h health, e education, n NGO, t team/club, o hotel,
#           r restaurant/café, v vet; {S} = a surname, {S2} = another surname, {C} = a city of the locale
#   phone land/mob: "areas:group pattern;..." ('#' 0-9, 'N' 2-9)
# ----------------------------------------------------------------------------------------------------

RAW: dict[str, dict] = {}

RAW["en_US"] = dict(
    country="United States",
    country_local="USA",
    lang="English",
    nationality="American",
    female="Emily|Jessica|Ashley|Sarah|Jennifer|Megan|Lauren|Hannah|Brittany|Kayla|Madison|Olivia|Danielle|Keisha|Nicole",
    male="Michael|Christopher|Joshua|Matthew|Tyler|Brandon|Justin|Kevin|Jason|Andrew|Ryan|Marcus|Jose|Dylan|Ethan",
    family="Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|Hernandez|Lopez|Gonzalez|Wilson|Anderson|Thomas|Taylor|Moore|Jackson|Martin|Lee|Thompson|White|Harris|Clark|Lewis|Robinson|Walker|Young|Nguyen",
    cities="Springfield;IL;627|Portland;OR;972|Austin;TX;787|Columbus;OH;432|Boise;ID;837|Burlington;VT;054|Savannah;GA;314|Tulsa;OK;741|Ann Arbor;MI;481|Asheville;NC;288|Bozeman;MT;597|Duluth;MN;558|Flagstaff;AZ;860|Frederick;MD;217|Eugene;OR;974|Oakland;CA;946|Pittsburgh;PA;152|Madison;WI;537|Bar Harbor;ME;046|Taos;NM;875",
    streets="Maple Avenue|Oak Street|Elm Street|Washington Boulevard|Lincoln Road|Pine Street|Cedar Lane|Main Street|Park Avenue|Lakeview Drive|Sunset Boulevard|Highland Avenue|Mill Road|Church Street|Riverside Drive|Willow Court|West 34th Street|N Broadway",
    street_style="us",
    units="Apt 4@|Apt. 9#|Suite 900|Suite 910|Unit 9#|Apt #9@|Floor 9",
    unit_sep=", ",
    unit_before=False,
    po_box="PO Box ####|P.O. Box 9##",
    city_style="us",
    pc_pattern="#####",
    orgs="c:Blue Ridge Outfitters|c:Harper & Cole|c:Redwood Analytics|c:Brightline Software|c:{S} & Sons Plumbing|c:Pioneer Valley Freight|c:Greenleaf Landscaping|s:Copperfield Bakery|s:{S} Hardware|h:Summit Dental Group|h:St. Mary's Medical Center|h:{S} Family Dentistry|e:Lincoln High School|e:Oak Hill Elementary School|n:Riverside Food Bank|n:Habitat Partners of {C}|t:{C} Comets Youth Soccer Club|o:The Lakeside Inn|o:Maple Grove Motel|r:Rosie's Diner|r:The Brass Lantern|v:{C} Animal Hospital",
    suffixes="Inc.|LLC|Corp.|, Inc.|Co.",
    tld="com",
    mail="gmail.com|yahoo.com|outlook.com|comcast.net|icloud.com|aol.com",
    cc="1",
    trunk="",
    tsep="",
    land="217,503,512,614,208,802,912,918,734,828,406,218,928,301,541,510,412,608:N## ####",
    mob="217,503,512,614,208,802,912,918,734,828,406,218,928,301,541,510,412,608:N## ####",
    styles="paren|paren|nat_dash_all|nat_dash_all|dots|intl_hyph|intl|intl_paren",
    iban=None,
    natid="us",
    dob_fmt="MM/DD/YYYY|MMMM D, YYYY|M/D/YYYY",
    date_fmt="MM/DD/YYYY|MMMM D, YYYY",
    cur="$||,|.",
    carriers="UPS|FedEx|USPS",
    tit_f="",
    tit_m="",
    academic="Dr.|Prof.",
    period=True,
)

RAW["en_GB"] = dict(
    country="United Kingdom",
    country_local="UNITED KINGDOM",
    lang="English",
    nationality="British",
    female="Charlotte|Amelia|Sophie|Emily|Olivia|Jessica|Chloe|Lucy|Hannah|Eleanor|Harriet|Imogen|Poppy|Georgia|Rhiannon",
    male="Oliver|George|Harry|Jack|James|Thomas|William|Alfie|Callum|Rhys|Hamish|Angus|Owen|Archie|Declan",
    family="Smith|Jones|Taylor|Brown|Williams|Wilson|Johnson|Davies|Robinson|Wright|Thompson|Evans|Walker|White|Roberts|Green|Hall|Wood|Jackson|Clarke|Hughes|Edwards|Lewis|Patel|Khan|Turner|Hill|Cooper|Ward|Morgan",
    cities="London;;SW1A/SE15/N7/E8/NW3|Manchester;;M14/M20/M4|Leeds;;LS6/LS2|Bristol;;BS6/BS1|York;North Yorkshire;YO1/YO31|Cardiff;;CF10/CF24|Edinburgh;;EH3/EH7|Glasgow;;G12/G3|Norwich;Norfolk;NR2|Bath;Somerset;BA1/BA2|Kendal;Cumbria;LA9|Penzance;Cornwall;TR18|Whitby;North Yorkshire;YO21|Ludlow;Shropshire;SY8|Hexham;Northumberland;NE46|Stornoway;Isle of Lewis;HS1|Aberystwyth;Ceredigion;SY23|Belfast;;BT7/BT9",
    streets="High Street|Station Road|Church Lane|Victoria Road|Park Road|Mill Lane|Queen Street|Kings Road|The Crescent|Albert Terrace|Rosebery Avenue|Clarence Street|Meadow Close|Orchard Way|Castle Street|Chapel Row",
    street_style="gb",
    units="Flat 9|Flat 9@|Apartment 9#|Unit 9|Suite 9|2nd Floor",
    unit_sep=", ",
    unit_before=True,
    po_box="PO Box 9##|PO Box ####",
    city_style="gb",
    pc_pattern="P #LL",
    pc_letters="ABDEFGHJLNPQRSTUWXYZ",
    orgs="c:Hartley & Finch|c:Brackenridge Joinery|c:Marlow Print Works|c:Albion Data Services|c:Northern Rail Supplies|c:{S} & {S2} Solicitors|c:Pennine Heating|s:The Copper Kettle Tea Room|s:{S}'s Fish Bar|s:Chapel Street Books|h:Royal Victoria Infirmary|h:Castle Lane Dental Practice|h:Westbrook Medical Centre|e:Oakfield Primary School|e:St Aidan's Academy|n:Harbour Lights Housing Association|n:{C} Food Bank|t:{C} Town FC|t:{C} Rugby Club|o:The Red Lion Inn|o:Seaview Guest House|r:The Olive Tree Bistro|v:Fernhill Veterinary Surgery",
    suffixes="Ltd|Limited|plc|LLP",
    tld="co.uk",
    mail="btinternet.com|gmail.com|hotmail.co.uk|yahoo.co.uk|sky.com|outlook.com",
    cc="44",
    trunk="0",
    tsep="",
    land="20:N### ####;161,113,117,131,141:N## ####;29,28:N### ####;1539,1736,1947:N#####",
    mob="7700,7911,7488,7825,7392:### ###;7700,7911:######",
    styles="nat|nat|intl|intl_trunk|intl00|paren_sp",
    iban="GB:4a6n8n:NWBK|BARC|LOYD|HBUK|MIDL",
    natid="gb",
    dob_fmt="DD/MM/YYYY|D MMMM YYYY",
    date_fmt="DD/MM/YYYY|D MMMM YYYY",
    cur="£||,|.",
    carriers="Royal Mail|DPD|Evri|Parcelforce",
    tit_f="",
    tit_m="",
    academic="Dr|Prof.",
    period=False,
)

RAW["en_IE"] = dict(
    country="Ireland",
    country_local="IRELAND",
    lang="Irish",
    nationality="Irish",
    female="Aoife|Siobhán|Niamh|Ciara|Saoirse|Órla|Gráinne|Róisín|Sinéad|Caoimhe|Eimear|Clodagh|Deirdre|Máire|Orlaith",
    male="Seán|Cian|Oisín|Darragh|Pádraig|Ciarán|Eoin|Liam|Conor|Donal|Fionn|Tadhg|Colm|Diarmuid|Ruairí",
    family="Murphy|Kelly|O'Sullivan|Walsh|O'Brien|Byrne|Ryan|O'Connor|O'Neill|McCarthy|Doyle|Gallagher|Doherty|Kennedy|Lynch|Murray|Quinn|Moore|McLoughlin|Carroll|Connolly|Daly|Dunne|Brennan|Burke|Collins|Campbell|Clarke|Ní Bhriain|Mac Giolla",
    cities="Dublin;Dublin;D02/D04/D08/D06|Cork;Cork;T12/T23|Galway;Galway;H91|Limerick;Limerick;V94|Waterford;Waterford;X91|Kilkenny;Kilkenny;R95|Sligo;Sligo;F91|Athlone;Westmeath;N37|Kinsale;Cork;P17|Dingle;Kerry;V92|Westport;Mayo;F28|Clonakilty;Cork;P85|Ennis;Clare;V95|Letterkenny;Donegal;F92|Tralee;Kerry;V92|Carlow;Carlow;R93|Kilrush;Clare;V15",
    streets="Main Street|Bridge Street|Church Road|Patrick Street|O'Connell Street|Mill Road|Strand Road|Chapel Lane|Castle Street|Green Lane|Shop Street|Abbey Street|Parnell Square|Quay Street|Fair Green",
    street_style="gb",
    units="Apartment 9#|Apt 9|Unit 9",
    unit_sep=", ",
    unit_before=True,
    po_box="PO Box 9#",
    city_style="ie",
    pc_pattern="P XXXX",
    pc_letters="ACDEFHKNPRTVWXY",
    orgs="c:Atlantic Seafoods|c:Greenway Energy|c:Shamrock Courier Services|c:{S} & Co. Accountants|c:Burren Hill Creamery|c:Liffey Software|s:{S}'s Hardware|s:The Book Nook|h:Western Regional Hospital|h:Quayside Dental|h:St. Brendan's Medical Centre|e:St. Brigid's National School|e:Coláiste Mhuire|n:{C} Tidy Towns|n:Hearth & Home Trust|t:{C} GAA Club|t:{C} Rovers|o:Harbour View B&B|o:The Heather Lodge|r:Murphy's Bar & Kitchen|v:Shannon Vets",
    suffixes="Ltd|Limited|DAC|Teoranta",
    tld="ie",
    mail="eircom.net|gmail.com|hotmail.com|yahoo.ie|outlook.ie",
    cc="353",
    trunk="0",
    tsep="",
    land="1:N## ####;21,91,61,51,71:N## ####",
    mob="83,85,86,87,89:### ####",
    styles="nat|nat|intl|intl00|paren_sp",
    iban="IE:4a6n8n:AIBK|BOFI|IPBS",
    natid="ie",
    dob_fmt="DD/MM/YYYY|D MMMM YYYY",
    date_fmt="DD/MM/YYYY|D MMMM YYYY",
    cur="€||,|.",
    carriers="An Post|DPD Ireland|Fastway Couriers",
    tit_f="",
    tit_m="",
    academic="Dr|Prof.",
    period=False,
)

RAW["en_AU"] = dict(
    country="Australia",
    country_local="AUSTRALIA",
    lang="English",
    nationality="Australian",
    female="Charlotte|Olivia|Mia|Ava|Isla|Chloe|Matilda|Ruby|Sienna|Zoe|Grace|Jasmine|Kirra|Tahlia|Brooke",
    male="Jack|Oliver|Noah|William|Lachlan|Cooper|Riley|Jayden|Liam|Ethan|Hamish|Angus|Mitchell|Brodie|Kai",
    family="Smith|Jones|Williams|Brown|Wilson|Taylor|Nguyen|Johnson|Martin|White|Anderson|Walker|Thompson|Thomas|Lee|Ryan|Harris|Kelly|King|Campbell|Mitchell|Young|Robinson|Scott|Wright|Clarke|Papadopoulos|Russo|Chen|Singh",
    cities="Sydney;NSW;20|Melbourne;VIC;30|Brisbane;QLD;40|Perth;WA;60|Adelaide;SA;50|Hobart;TAS;70|Darwin;NT;08|Canberra;ACT;26|Fitzroy;VIC;306|Newtown;NSW;204|Ballarat;VIC;335|Toowoomba;QLD;435|Wagga Wagga;NSW;265|Fremantle;WA;616|Broome;WA;672|Alice Springs;NT;087|Launceston;TAS;725|Mudgee;NSW;285",
    streets="George Street|Smith Street|Brunswick Street|Chapel Street|Station Street|Bay Road|Beach Road|Hill Street|Macquarie Street|Ocean Parade|Wattle Avenue|Banksia Drive|Gum Tree Lane|Jacaranda Crescent|Bourke Street",
    street_style="au",
    units="Unit 9|Level 9|Suite 9#|Shop 9",
    unit_sep=", ",
    unit_before=True,
    po_box="PO Box 9##|GPO Box ####",
    city_style="au",
    pc_pattern="####",
    orgs="c:Bluegum Electrical|c:Southern Cross Logistics|c:Wattle & Co|c:Outback Solar|c:Kookaburra Coffee Roasters|c:{S} Plumbing|s:Barossa Hills Winery|s:Bondi Surf Supplies|s:The Corner Deli|h:Coastal Physio|h:St Vincent's Community Clinic|h:Harbourside Dental|e:Fitzroy Primary School|e:Riverside Grammar School|n:Landcare {C}|n:{C} Community Pantry|t:{C} Surf Life Saving Club|t:{C} Cricket Club|o:The Jacaranda Motel|o:Saltwater Lodge|r:Banksia Bistro|v:Eucalypt Vet Clinic",
    suffixes="Pty Ltd|Pty. Ltd.|Ltd",
    tld="com.au",
    mail="bigpond.com|optusnet.com.au|gmail.com|outlook.com|iinet.net.au",
    cc="61",
    trunk="0",
    tsep="",
    land="2,3,7,8:N### ####",
    mob="4##:### ###",
    styles="nat|nat|paren_sp|intl|intl",
    iban=None,
    natid="au",
    dob_fmt="DD/MM/YYYY|D MMMM YYYY",
    date_fmt="DD/MM/YYYY|D MMMM YYYY",
    cur="A$||,|.",
    carriers="Australia Post|StarTrack|Sendle",
    tit_f="",
    tit_m="",
    academic="Dr|Prof.",
    period=False,
)

RAW["en_CA"] = dict(
    country="Canada",
    country_local="CANADA",
    lang="French",
    nationality="Canadian",
    female="Emma|Chloé|Sophie|Olivia|Avery|Léa|Madison|Brooke|Jasmine|Megan|Gabrielle|Mackenzie|Isabelle|Kaitlyn|Amélie",
    male="Liam|Noah|William|Ethan|Logan|Nathan|Félix|Justin|Tyler|Connor|Owen|Mathieu|Gabriel|Hunter|Jacob",
    family="Smith|Brown|Tremblay|Martin|Roy|Wilson|MacDonald|Gagnon|Johnson|Taylor|Campbell|Anderson|Côté|Bouchard|Gauthier|Morin|Lavoie|Fortin|White|Leblanc|Thompson|Young|Singh|Li|Kowalchuk|Chartrand|Fraser|Robertson|Stewart|McKenzie",
    cities="Toronto;ON;M5V/M4C/M6J|Vancouver;BC;V6B/V5K|Montréal;QC;H2X/H2T|Calgary;AB;T2P|Ottawa;ON;K1P/K2P|Halifax;NS;B3H|Winnipeg;MB;R3C|Saskatoon;SK;S7K|Kelowna;BC;V1Y|Moncton;NB;E1C|Lunenburg;NS;B0J|Canmore;AB;T1W|Whitehorse;YT;Y1A|Charlottetown;PE;C1A|St. John's;NL;A1C|Tofino;BC;V0R|Gananoque;ON;K7G",
    streets="King Street West|Queen Street East|Yonge Street|Rue Sainte-Catherine|Rue Saint-Denis|Main Street|Water Street|Spring Garden Road|Jasper Avenue|Portage Avenue|Granville Street|Robson Street|Elgin Street|Bank Street|Lakeshore Road|Maple Drive",
    street_style="ca",
    units="Unit 9#|Suite 900|Apt. 9|app. 9#",
    unit_sep=", ",
    unit_before=False,
    po_box="PO Box 9##|C.P. 9##",
    city_style="ca",
    pc_pattern="P #L#",
    pc_letters="ABCEGHJKLMNPRSTVWXYZ",
    orgs="c:Northern Lights Outfitters|c:Timberline Cabinets|c:Boréal Informatique|c:Bay Street Legal|c:{S} Construction|c:Saint-Laurent Traiteur|s:{S} Hardware|s:Maple & Main Books|h:Queen Elizabeth Health Centre|h:Lakeshore Dental Clinic|h:Clinique Médicale du Plateau|e:Lakeview Secondary School|e:École Sainte-Marie|n:Harvest Food Bank of {C}|n:Maison Solidarité|t:{C} Minor Hockey Association|t:{C} Curling Club|o:Auberge du Lac|o:Prairie Sky Inn|r:The Loon's Nest Café|r:Casse-Croûte du Vieux-Port|v:Birchwood Animal Clinic",
    suffixes="Inc.|Ltd.|Ltée|Corp.",
    tld="ca",
    mail="rogers.com|sympatico.ca|shaw.ca|videotron.ca|gmail.com",
    cc="1",
    trunk="",
    tsep="",
    land="416,604,514,403,613,902,204,306,250,506,867,709,647:N## ####",
    mob="416,604,514,403,613,902,204,306,250,506,867,709,647:N## ####",
    styles="paren|paren|nat_dash_all|nat_dash_all|dots|intl_hyph|intl|intl_paren",
    iban=None,
    natid="ca",
    dob_fmt="YYYY-MM-DD|MMMM D, YYYY|DD/MM/YYYY",
    date_fmt="YYYY-MM-DD|MMMM D, YYYY",
    cur="C$||,|.",
    carriers="Canada Post|Purolator",
    tit_f="Mme",
    tit_m="M.",
    academic="Dr.|Prof.",
    period=True,
)

RAW["en_IN"] = dict(
    country="India",
    country_local="INDIA",
    lang="Hindi",
    nationality="Indian",
    female="Priya|Ananya|Kavya|Aishwarya|Sneha|Divya|Pooja|Lakshmi|Meera|Nandini|Shreya|Ritu|Fatima|Harpreet|Deepika",
    male="Rahul|Arjun|Vikram|Rohan|Aditya|Karthik|Sanjay|Amit|Suresh|Rajesh|Imran|Mohammed|Gurpreet|Anil|Venkatesh",
    family="Sharma|Verma|Gupta|Iyer|Nair|Reddy|Patel|Singh|Kumar|Das|Banerjee|Chatterjee|Mukherjee|Rao|Menon|Pillai|Joshi|Kulkarni|Deshpande|Mehta|Shah|Khan|Ahmed|Agarwal|Bose|Chopra|Malhotra|Naidu|Krishnan|Subramanian",
    cities="Mumbai;Maharashtra;400;Andheri East/Bandra West/Powai|Bengaluru;Karnataka;560;Indiranagar/Koramangala/Jayanagar|Chennai;Tamil Nadu;600;T. Nagar/Adyar|Hyderabad;Telangana;500;Banjara Hills/Madhapur|Kolkata;West Bengal;700;Salt Lake/Ballygunge|New Delhi;Delhi;110;Lajpat Nagar/Hauz Khas|Pune;Maharashtra;411;Kothrud/Aundh|Jaipur;Rajasthan;302;Vaishali Nagar/Malviya Nagar|Kochi;Kerala;682;Panampilly Nagar/Kakkanad|Mysuru;Karnataka;570;Gokulam|Udaipur;Rajasthan;313;Fatehpura|Shillong;Meghalaya;793;Laitumkhrah|Madurai;Tamil Nadu;625;Anna Nagar|Nashik;Maharashtra;422;Gangapur Road|Dehradun;Uttarakhand;248;Rajpur|Coimbatore;Tamil Nadu;641;R. S. Puram",
    streets="2nd Main Road|MG Road|Residency Road|100 Feet Road|Linking Road|Nehru Street|Gandhi Road|Park Street|Anna Salai|Station Road|Temple Road|Church Street|Brigade Road|5th Cross Road|Lake View Road",
    street_style="in",
    units="Flat 90#, Lotus Apartments|Flat 90#, Sai Residency|Flat 90#, Prestige Towers|Flat 9@|Flat 90#",
    unit_sep=", ",
    unit_before=True,
    po_box="Post Box No. 9###",
    city_style="in",
    pc_pattern="######",
    orgs="c:Lotus Infotech|c:Srinivasa Traders|c:{S} & Sons|c:Kaveri Logistics|c:Nilgiri Tea Estates|c:Sharma Textiles|s:Ganesh Sweets|s:Blue Lotus Ayurveda|s:{S} Electricals|h:City Care Multispeciality Hospital|h:Smile Dental Clinic|h:Sanjeevani Diagnostics|e:St. Joseph's Convent School|e:Vidya Niketan Public School|n:Akshaya Seva Foundation|n:Annapurna Food Trust|t:{C} Warriors Cricket Club|t:{C} Strikers FC|o:Hotel Sagar Residency|o:Green Valley Homestay|r:Saravana Tiffin Centre|v:PetCare Veterinary Clinic",
    suffixes="Pvt. Ltd.|Private Limited|LLP|Ltd.",
    tld="in",
    mail="gmail.com|rediffmail.com|yahoo.co.in|outlook.com",
    cc="91",
    trunk="0",
    tsep="",
    land="80,22,44,11,20,33,40:N### ####",
    mob=":9#### #####;:8#### #####;:7#### #####",
    styles="nat|nat|intl|intl|intl00|nat_dash_area",
    iban=None,
    natid="in",
    dob_fmt="DD/MM/YYYY|DD-MM-YYYY|D MMMM YYYY",
    date_fmt="DD/MM/YYYY|D MMMM YYYY",
    cur="₹||,|.",
    carriers="India Post|Blue Dart|Delhivery",
    tit_f="Smt.",
    tit_m="Shri",
    academic="Dr.|Prof.",
    period=True,
)

RAW["de_DE"] = dict(
    country="Germany",
    country_local="DEUTSCHLAND",
    lang="German",
    nationality="German",
    female="Anna|Lena|Julia|Sophie|Katharina|Laura|Sarah|Lisa|Hannah|Marie|Johanna|Franziska|Ursula|Sabine|Petra",
    male="Lukas|Felix|Jonas|Maximilian|Leon|Paul|Tobias|Jan|Florian|Matthias|Stefan|Wolfgang|Jürgen|Dieter|Klaus",
    family="Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|Lange|Schmitt|Werner|Krause|Lehmann|Köhler|Weiß",
    cities="Berlin;Berlin;10|Hamburg;Hamburg;20|München;Bayern;80|Köln;Nordrhein-Westfalen;50|Frankfurt am Main;Hessen;60|Leipzig;Sachsen;04|Freiburg im Breisgau;Baden-Württemberg;79|Münster;Nordrhein-Westfalen;48|Rostock;Mecklenburg-Vorpommern;18|Bamberg;Bayern;96|Lüneburg;Niedersachsen;21|Görlitz;Sachsen;02|Tübingen;Baden-Württemberg;72|Wernigerode;Sachsen-Anhalt;38|Husum;Schleswig-Holstein;25|Rothenburg ob der Tauber;Bayern;91|Meißen;Sachsen;01",
    streets="Hauptstraße|Bahnhofstraße|Schillerstraße|Goethestraße|Lindenallee|Friedrichstraße|Am Markt|Gartenweg|Kirchplatz|Berliner Straße|Mühlenweg|Schulstraße|Ringstraße|Bergstraße|Rosenweg|Kaiser-Wilhelm-Ring",
    street_style="de",
    units="9. OG|9. OG links|9. OG rechts|App. 9#|Wohnung 9#|Hinterhaus",
    unit_sep=", ",
    unit_before=False,
    po_box="Postfach ## ## ##|Postfach 9###",
    city_style="eu",
    pc_pattern="#####",
    orgs="c:{S} Haustechnik|c:Nordlicht Software|c:Elbe Logistik|c:Grünwald Immobilien|c:{S} & Partner|c:Autohaus {S}|c:Brauerei Zum Löwen|s:Bäckerei {S}|s:Buchhandlung Seitenweise|h:Städtisches Klinikum {C}|h:Zahnarztpraxis am Markt|h:Physiotherapie Lindenhof|e:Goethe-Gymnasium {C}|e:Grundschule am Park|n:Tafel {C} e.V.|n:Nachbarschaftshilfe {C} e.V.|t:SV Blau-Weiß {C}|t:TSV {C} 1860|o:Hotel Rheinblick|o:Pension Waldesruh|r:Gasthaus Zur Linde|r:Café Kränzchen|v:Tierarztpraxis am Stadtpark",
    suffixes="GmbH|AG|GmbH & Co. KG|e.K.|KG|UG (haftungsbeschränkt)",
    tld="de",
    mail="web.de|gmx.de|t-online.de|gmail.com|posteo.de",
    cc="49",
    trunk="0",
    tsep="",
    land="30,40:N#######;89:N######;221,341,761,511:N######;6221,9561:N#####;30:N### ####",
    mob="151,152,160,170,171,176,179:########;151,176:#### ####",
    styles="nat|nat|slash|paren|intl|intl_trunk|intl00|nat_dash_area",
    iban="DE:8n10n",
    natid="de",
    dob_fmt="DD.MM.YYYY|D MMMM YYYY",
    date_fmt="DD.MM.YYYY|D MMMM YYYY",
    cur="| €|.|,",
    carriers="DHL|Hermes|DPD|GLS",
    tit_f="Frau",
    tit_m="Herr",
    academic="Dr.|Prof.|Prof. Dr.",
    period=False,
)

RAW["de_AT"] = dict(
    country="Austria",
    country_local="ÖSTERREICH",
    lang="German",
    nationality="Austrian",
    female="Anna|Katharina|Magdalena|Theresa|Elisabeth|Julia|Lena|Sophie|Viktoria|Johanna|Barbara|Christina|Sabine|Eva|Monika",
    male="Lukas|Florian|Maximilian|Tobias|David|Jakob|Elias|Stefan|Andreas|Thomas|Markus|Christoph|Georg|Johann|Wolfgang",
    family="Gruber|Huber|Bauer|Wagner|Müller|Pichler|Steiner|Moser|Mayer|Hofer|Leitner|Berger|Fuchs|Eder|Fischer|Schmid|Winkler|Weber|Schwarz|Maier|Schneider|Reiter|Mayr|Schmidt|Wimmer|Egger|Brunner|Lang|Baumgartner|Auer",
    cities="Wien;Wien;10/11/12|Graz;Steiermark;80|Linz;Oberösterreich;40|Salzburg;Salzburg;50|Innsbruck;Tirol;60|Klagenfurt;Kärnten;90|Villach;Kärnten;95|Bregenz;Vorarlberg;69|St. Pölten;Niederösterreich;31|Hallstatt;Oberösterreich;4830|Kitzbühel;Tirol;6370|Zell am See;Salzburg;5700|Bad Ischl;Oberösterreich;4820|Krems an der Donau;Niederösterreich;3500|Leoben;Steiermark;8700|Dornbirn;Vorarlberg;6850|Melk;Niederösterreich;3390",
    streets="Mariahilfer Straße|Hauptplatz|Landstraßer Hauptstraße|Herrengasse|Kirchengasse|Bahnhofstraße|Linzer Gasse|Getreidegasse|Schulgasse|Wiener Straße|Dorfstraße|Lindengasse|Annenstraße|Maria-Theresien-Straße|Seestraße",
    street_style="at",
    units="Top 9#|Stiege 9, Tür 9#|9. Stock",
    unit_sep=", ",
    unit_before=False,
    po_box="Postfach 9##",
    city_style="eu",
    pc_pattern="####",
    orgs="c:{S} Bau|c:Donau Consulting|c:Tirol Solar|c:{S} & {S2} Rechtsanwälte|c:Alpen Elektro|c:Tischlerei {S}|s:Weingut {S}|s:Café Mozartblick|s:Feinkost Wachauer Laden|h:Landeskrankenhaus {C}|h:Zahnambulatorium Mitte|h:Apotheke Zum Goldenen Hirschen|e:Volksschule {C}|e:Bundesgymnasium {C}|n:Bergrettung {C}|n:Verein Nachbarschaftsgarten|t:SK {C}|t:Union {C} Volleyball|o:Hotel Alpenblick|o:Gasthof Zum Schwarzen Adler|r:Heuriger Weinstube {S}|v:Tierklinik {C}",
    suffixes="GmbH|KG|OG|AG|e.U.",
    tld="at",
    mail="gmx.at|aon.at|chello.at|gmail.com|a1.net",
    cc="43",
    trunk="0",
    tsep="",
    land="1:N## ## ##;1:N######;316,662,732,512:N#####",
    mob="664,676,699,650:#######;664,676:### ####",
    styles="nat|nat|slash|intl|intl00|intl_trunk",
    iban="AT:5n11n",
    natid="at",
    dob_fmt="DD.MM.YYYY|D MMMM YYYY",
    date_fmt="DD.MM.YYYY|D MMMM YYYY",
    cur="€ ||.|,",
    carriers="Österreichische Post|DPD|GLS",
    tit_f="Frau",
    tit_m="Herr",
    academic="Dr.|Mag.|Dipl.-Ing.|Prof.",
    period=False,
)

RAW["de_CH"] = dict(
    country="Switzerland",
    country_local="SCHWEIZ",
    lang="German",
    nationality="Swiss",
    female="Anna|Laura|Sara|Lea|Nina|Mia|Jana|Noemi|Seraina|Ladina|Corinne|Ursula|Verena|Barbara|Simone",
    male="Luca|Noah|Jonas|Nico|Lukas|Reto|Beat|Urs|Marco|Andrin|Fabian|Dominik|Thomas|Christian|Matthias",
    family="Müller|Meier|Schmid|Keller|Weber|Huber|Schneider|Meyer|Steiner|Fischer|Gerber|Brunner|Baumann|Frei|Zimmermann|Moser|Widmer|Wyss|Graf|Roth|Suter|Baumgartner|Bachmann|Kälin|Zürcher|Odermatt|Imhof|Aebischer|Vogt|Hess",
    cities="Zürich;ZH;80|Bern;BE;30|Basel;BS;40|Luzern;LU;60|St. Gallen;SG;90|Winterthur;ZH;84|Zug;ZG;63|Chur;GR;70|Thun;BE;36|Schaffhausen;SH;82|Aarau;AG;50|Davos;GR;727|Appenzell;AI;905|Sarnen;OW;606|Frauenfeld;TG;85|Olten;SO;46|Grindelwald;BE;3818",
    streets="Bahnhofstrasse|Hauptstrasse|Dorfstrasse|Kirchgasse|Marktgasse|Seestrasse|Rosenweg|Bergstrasse|Kramgasse|Spitalgasse|Zürcherstrasse|Lindenhofstrasse|Schulhausstrasse|Limmatquai|Rathausplatz",
    street_style="de",
    units="9. Stock|Wohnung 9#",
    unit_sep=", ",
    unit_before=False,
    po_box="Postfach 9##|Postfach ####",
    city_style="eu",
    pc_pattern="####",
    orgs="c:{S} Treuhand|c:Matterhorn Digital|c:Zürisee Velo|c:Schreinerei {S}|c:Bergbahnen {C}|c:Käserei {S}|s:Bäckerei-Konditorei {S}|s:Lindenhof Apotheke|h:Kantonsspital {C}|h:Zahnarztpraxis am Bahnhof|h:Gruppenpraxis Seefeld|e:Kantonsschule {C}|e:Primarschule Dorf|n:Spitex {C}|n:Stiftung Brückenbauer|t:FC {C}|t:EHC {C}|o:Hotel Bellevue|o:Gasthaus Rössli|r:Restaurant Zum Hirschen|v:Tierarztpraxis Seeland",
    suffixes="AG|GmbH|SA|Sàrl",
    tld="ch",
    mail="bluewin.ch|gmx.ch|sunrise.ch|hispeed.ch|gmail.com",
    cc="41",
    trunk="0",
    tsep="",
    land="44,31,61,41,71,81,91:### ## ##",
    mob="79,78,76,77:### ## ##",
    styles="nat|nat|intl|intl|intl00|intl_trunk",
    iban="CH:5n12n",
    natid="ch",
    dob_fmt="DD.MM.YYYY|D MMMM YYYY",
    date_fmt="DD.MM.YYYY|D MMMM YYYY",
    cur="CHF ||'|.",
    carriers="Die Post|DHL Express|Planzer",
    tit_f="Frau",
    tit_m="Herr",
    academic="Dr.|Prof.",
    period=False,
)

RAW["fr_FR"] = dict(
    country="France",
    country_local="FRANCE",
    lang="French",
    nationality="French",
    female="Camille|Manon|Chloé|Léa|Inès|Juliette|Sarah|Émilie|Claire|Anaïs|Margaux|Élodie|Sophie|Nathalie|Isabelle",
    male="Lucas|Hugo|Louis|Théo|Antoine|Mathieu|Julien|Nicolas|Maxime|Baptiste|Guillaume|Sébastien|Thierry|Pierre|Étienne",
    family="Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefebvre|Michel|Garcia|David|Bertrand|Roux|Vincent|Fournier|Morel|Girard|André|Lefèvre|Mercier|Dupont|Lambert|Bonnet|François|Rousseau|Fontaine",
    cities="Paris;Île-de-France;75|Lyon;Auvergne-Rhône-Alpes;69|Marseille;Provence-Alpes-Côte d'Azur;13|Toulouse;Occitanie;31|Nantes;Pays de la Loire;44|Strasbourg;Grand Est;67|Lille;Hauts-de-France;59|Bordeaux;Nouvelle-Aquitaine;33|Rennes;Bretagne;35|Montpellier;Occitanie;34|Annecy;Auvergne-Rhône-Alpes;74|Colmar;Grand Est;68|Honfleur;Normandie;14600|Sarlat-la-Canéda;Nouvelle-Aquitaine;24200|Quimper;Bretagne;29|Gordes;Provence-Alpes-Côte d'Azur;84220|Saint-Malo;Bretagne;35400|Dijon;Bourgogne-Franche-Comté;21",
    streets="rue de la République|rue Victor Hugo|avenue Jean Jaurès|boulevard Haussmann|place de la Mairie|rue des Lilas|rue du Moulin|chemin des Vignes|allée des Tilleuls|rue Nationale|quai Saint-Michel|impasse des Roses|rue Pasteur|avenue de la Gare|rue de l'Église",
    street_style="fr",
    units="Bât. @|Appt 9#|9e étage|Bâtiment @, 9e étage|Résidence Les Pins, appt 9#",
    unit_sep=", ",
    unit_before=False,
    po_box="BP 9###|CS 90###",
    city_style="eu",
    pc_pattern="#####",
    orgs="c:Transports {S}|c:{S} et Fils|c:Atelier des Lilas|c:Cabinet {S}|c:Vignobles du Rhône|c:Logiciels Horizon|s:Boulangerie {S}|s:Librairie La Plume|s:Pharmacie du Marché|h:Centre hospitalier de {C}|h:Cabinet dentaire des Tilleuls|h:Clinique Saint-Roch|e:Lycée Victor Hugo|e:École primaire Jean Moulin|n:Association Solidarité {C}|n:Les Jardins Partagés|t:AS {C} Football|t:Rugby Club {C}|o:Hôtel du Parc|o:Auberge de la Source|r:Bistrot Chez Paulette|r:Brasserie du Port|v:Clinique vétérinaire des Alpes",
    suffixes="SARL|SAS|SA|EURL",
    tld="fr",
    mail="orange.fr|free.fr|laposte.net|wanadoo.fr|sfr.fr|gmail.com",
    cc="33",
    trunk="0",
    tsep="",
    land="1,2,3,4,5:## ## ## ##",
    mob="6,7:## ## ## ##",
    styles="nat|nat|dots|intl|intl_trunk|intl00",
    iban="FR:5n5n11n2n",
    natid="fr",
    dob_fmt="DD/MM/YYYY|D MMMM YYYY",
    date_fmt="DD/MM/YYYY|D MMMM YYYY",
    cur="| €| |,",
    carriers="La Poste|Colissimo|Chronopost",
    tit_f="Mme",
    tit_m="M.",
    academic="Dr|Pr",
    period=False,
)

RAW["es_ES"] = dict(
    country="Spain",
    country_local="ESPAÑA",
    lang="Spanish",
    nationality="Spanish",
    female="María|Lucía|Carmen|Laura|Marta|Paula|Elena|Sara|Cristina|Ana Isabel|Pilar|Nuria|Rocío|Montserrat|Ainhoa",
    male="Javier|Alejandro|Daniel|David|Pablo|Sergio|Carlos|Jorge|Manuel|Álvaro|Iker|Jordi|Francisco|Antonio|Raúl",
    family="García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez|Ruiz|Hernández|Díaz|Moreno|Álvarez|Muñoz|Romero|Alonso|Gutiérrez|Navarro|Torres|Domínguez|Vázquez|Ramos|Gil|Ramírez|Serrano|Blanco|Molina|Iglesias|Castro",
    cities="Madrid;Madrid;28|Barcelona;Barcelona;08|Valencia;Valencia;46|Sevilla;Sevilla;41|Zaragoza;Zaragoza;50|Málaga;Málaga;29|Bilbao;Bizkaia;48|Granada;Granada;18|Salamanca;Salamanca;37|Santiago de Compostela;A Coruña;157|Cáceres;Cáceres;10|Ronda;Málaga;29400|Cuenca;Cuenca;16|Sitges;Barcelona;08870|Cadaqués;Girona;17488|Teruel;Teruel;44|Jerez de la Frontera;Cádiz;114|Palma;Illes Balears;07",
    streets="Calle Mayor|Calle de Alcalá|Gran Vía|Avenida de la Constitución|Paseo de Gracia|Calle Real|Plaza Mayor|Calle del Sol|Avenida de América|Calle San Juan|Carrer de Balmes|Calle Larios|Rambla de Catalunya|Calle Nueva|Camino de Ronda",
    street_style="es",
    units="9º @|9º izda.|9º dcha.|bajo @|9.º 9.ª|Esc. @, 9º @",
    unit_sep=", ",
    unit_before=False,
    po_box="Apartado de Correos 9##",
    city_style="es",
    pc_pattern="#####",
    orgs="c:Talleres {S}|c:{S} Abogados|c:Construcciones {S}|c:Ibérica Software|c:Transportes Levante|c:Bodegas {S}|s:Panadería La Espiga|s:Librería El Faro|s:Farmacia {S}|h:Hospital Universitario de {C}|h:Clínica Dental Sonrisa|h:Centro de Salud San Blas|e:Colegio San José|e:IES Cervantes|n:Fundación Mar Abierto|n:Asociación Vecinal La Paz|t:Club Deportivo {C}|t:{C} Club de Baloncesto|o:Hotel Las Palmeras|o:Hostal Don Quijote|r:Restaurante Casa Pepe|r:Taberna El Olivo|v:Clínica Veterinaria Los Álamos",
    suffixes="S.L.|S.A.|S.L.U.|SL",
    tld="es",
    mail="gmail.com|hotmail.es|yahoo.es|telefonica.net|outlook.es",
    cc="34",
    trunk="",
    tsep="",
    land="91,93,95,96,98:### ## ##;91#,93#:### ###",
    mob="6##,7##:### ###",
    styles="nat|nat|intl|intl|intl00",
    iban="ES:4n4n2n10n",
    natid="es",
    two_surnames=0.75,
    dob_fmt="DD/MM/YYYY|D MMMM YYYY",
    date_fmt="DD/MM/YYYY|D MMMM YYYY",
    cur="| €|.|,",
    carriers="Correos|SEUR|MRW",
    tit_f="Sra.",
    tit_m="Sr.",
    academic="Dr.|Dra.",
    period=False,
)

RAW["es_MX"] = dict(
    country="Mexico",
    country_local="MÉXICO",
    lang="Spanish",
    nationality="Mexican",
    female="Guadalupe|María José|Fernanda|Valeria|Ximena|Daniela|Sofía|Alejandra|Andrea|Mariana|Regina|Itzel|Carolina|Paola|Renata",
    male="José Luis|Juan Carlos|Miguel Ángel|Alejandro|Emiliano|Santiago|Diego|Jesús|Ricardo|Fernando|Arturo|Héctor|Rodrigo|Eduardo|Óscar",
    family="Hernández|García|Martínez|López|González|Pérez|Rodríguez|Sánchez|Ramírez|Cruz|Flores|Gómez|Morales|Vázquez|Reyes|Jiménez|Torres|Díaz|Gutiérrez|Ruiz|Mendoza|Aguilar|Ortiz|Moreno|Castillo|Romero|Álvarez|Méndez|Chávez|Rivera|Juárez",
    cities="Ciudad de México;CDMX;06;Roma Norte/Juárez/Condesa|Guadalajara;Jalisco;44;Americana/Lafayette|Monterrey;Nuevo León;64;Obispado/Centro|Puebla;Puebla;72;Centro/La Paz|Oaxaca de Juárez;Oaxaca;68;Jalatlaco/Reforma|Mérida;Yucatán;97;García Ginerés/Itzimná|Querétaro;Querétaro;76;Centro Histórico|San Miguel de Allende;Guanajuato;377;Guadiana|Tulum;Quintana Roo;777;La Veleta|Taxco;Guerrero;402;Centro|Tijuana;Baja California;22;Zona Río|León;Guanajuato;37;Jardines del Moral|Pachuca;Hidalgo;42;Periodistas|Morelia;Michoacán;58;Chapultepec Norte|Valle de Bravo;Estado de México;512;Santa María Ahuacatlán|Zacatecas;Zacatecas;98;Centro|Coyoacán;CDMX;04;Del Carmen/Santa Catarina",
    streets="Av. Insurgentes Sur|Calle Madero|Paseo de la Reforma|Calle 5 de Mayo|Av. Juárez|Calle Hidalgo|Calle Morelos|Av. Vallarta|Calle Allende|Av. Constitución|Calle Zaragoza|Calle Independencia|Av. Universidad|Calle Orizaba|Calle Colima",
    street_style="mx",
    units="Int. 9|Depto. 90#|Local 9",
    unit_sep=", ",
    unit_before=False,
    po_box="Apartado Postal 9##",
    city_style="mx",
    pc_pattern="#####",
    orgs="c:{S} Hermanos|c:Grupo Constructor {S}|c:Artesanías Oaxaqueñas|c:Mezcalera Tres Colinas|c:Tecnologías Azteca|c:Transportes del Bajío|s:Abarrotes La Esperanza|s:Farmacia {S}|s:Papelería El Estudiante|h:Hospital General de {C}|h:Consultorio Dental Sonríe|h:Clínica Santa Fe|e:Escuela Primaria Benito Juárez|e:Colegio Miguel Hidalgo|n:Fundación Manos Unidas|n:Banco de Alimentos de {C}|t:Club Deportivo {C}|t:Halcones de {C}|o:Hotel Casa Colonial|o:Posada del Sol|r:Taquería El Güero|r:Café La Parroquia|v:Veterinaria San Francisco",
    suffixes="S.A. de C.V.|S. de R.L. de C.V.|S.C.",
    tld="com.mx",
    mail="gmail.com|hotmail.com|prodigy.net.mx|yahoo.com.mx|outlook.com",
    cc="52",
    trunk="",
    tsep="",
    land="55,33,81:#### ####;222,951,999,442,477:### ####",
    mob="55,33,81:#### ####;222,951,999:### ####",
    styles="nat|paren|paren|intl|intl_paren|nat_dash_all",
    iban=None,
    natid="mx",
    two_surnames=0.85,
    dob_fmt="DD/MM/YYYY|D MMMM YYYY",
    date_fmt="DD/MM/YYYY|D MMMM YYYY",
    cur="$| MXN|,|.",
    carriers="Estafeta|Correos de México|Redpack",
    tit_f="Sra.",
    tit_m="Sr.",
    academic="Dr.|Lic.|Ing.",
    period=False,
)

RAW["pt_BR"] = dict(
    country="Brazil",
    country_local="BRASIL",
    lang="Portuguese",
    nationality="Brazilian",
    female="Ana|Maria Clara|Juliana|Fernanda|Beatriz|Larissa|Camila|Gabriela|Mariana|Letícia|Raquel|Aline|Tatiane|Vitória|Luana",
    male="João Pedro|Lucas|Gabriel|Rafael|Thiago|Mateus|Felipe|Bruno|Gustavo|Leonardo|Rodrigo|Vinícius|Paulo|Caio|Renato",
    family="Silva|Santos|Oliveira|Souza|Rodrigues|Ferreira|Alves|Pereira|Lima|Gomes|Costa|Ribeiro|Martins|Carvalho|Almeida|Lopes|Soares|Fernandes|Vieira|Barbosa|Rocha|Dias|Nascimento|Andrade|Moreira|Nunes|Marques|Machado|Mendes|Freitas|Cavalcanti|Araújo",
    cities="São Paulo;SP;01;Bela Vista/Pinheiros/Moema|Rio de Janeiro;RJ;22;Copacabana/Botafogo|Belo Horizonte;MG;30;Savassi/Funcionários|Salvador;BA;40;Barra/Rio Vermelho|Recife;PE;51;Boa Viagem|Porto Alegre;RS;90;Moinhos de Vento|Curitiba;PR;80;Batel|Fortaleza;CE;60;Meireles|Florianópolis;SC;88;Lagoa da Conceição|Manaus;AM;69;Adrianópolis|Ouro Preto;MG;354;Centro|Paraty;RJ;239;Centro Histórico|Campinas;SP;13;Cambuí|Olinda;PE;53;Carmo|Gramado;RS;956;Planalto|Petrópolis;RJ;25;Centro|Brasília;DF;70;Asa Sul",
    streets="Rua Augusta|Avenida Paulista|Rua das Flores|Rua XV de Novembro|Avenida Atlântica|Rua da Consolação|Rua Oscar Freire|Avenida Brasil|Rua Sete de Setembro|Rua Dom Pedro II|Travessa do Comércio|Rua Halfeld|Alameda Santos|Rua Barão de Itapetininga|Estrada do Coco",
    street_style="br",
    units="apto 92|apto 9#|Bloco @, apto 90#|sala 90#|casa 9",
    unit_sep=", ",
    unit_before=False,
    po_box="Caixa Postal ####",
    city_style="br",
    pc_pattern="#####-###",
    orgs="c:Construtora {S}|c:{S} & Filhos|c:Tecnologia Ipê|c:Transportadora Rota Sul|c:Café Mineiro Exportação|c:Móveis Jequitibá|s:Padaria Pão Dourado|s:Mercadinho Bom Preço|s:Drogaria {S}|h:Santa Casa de {C}|h:Clínica Odontológica Sorriso|h:Hospital São Lucas|e:Escola Estadual Dom Pedro II|e:Colégio Santa Teresinha|n:Instituto Mãos Dadas|n:Associação Amigos do Bairro|t:Esporte Clube {C}|t:{C} Futebol Clube|o:Pousada Maré Alta|o:Hotel Ouro Verde|r:Churrascaria Gaúcha|r:Açaí da Praia|v:Clínica Veterinária Bicho Feliz",
    suffixes="Ltda.|S.A.|ME|EIRELI",
    tld="com.br",
    mail="gmail.com|uol.com.br|bol.com.br|hotmail.com|terra.com.br",
    cc="55",
    trunk="",
    tsep="",
    land="11,21,31,41,51,61,71,81:N### ####",
    mob="11,21,31,41,48,85:9#### ####",
    styles="paren|paren|intl_paren|area_sp_hyph|intl",
    iban="BR:8n5n10n1a1c",
    natid="br",
    two_surnames=0.5,
    surname_main="last",
    dob_fmt="DD/MM/YYYY|D MMMM YYYY",
    date_fmt="DD/MM/YYYY|D MMMM YYYY",
    cur="R$ ||.|,",
    carriers="Correios|Jadlog|Loggi",
    tit_f="Sra.",
    tit_m="Sr.",
    academic="Dr.|Dra.",
    period=False,
)

RAW["pt_PT"] = dict(
    country="Portugal",
    country_local="PORTUGAL",
    lang="Portuguese",
    nationality="Portuguese",
    female="Maria|Ana|Beatriz|Inês|Mariana|Leonor|Carolina|Sofia|Matilde|Joana|Rita|Catarina|Filipa|Madalena|Teresa",
    male="João|Francisco|Tiago|Rodrigo|Duarte|Martim|Diogo|Gonçalo|Miguel|Tomás|Rui|Nuno|Bernardo|Afonso|Vasco",
    family="Silva|Santos|Ferreira|Pereira|Oliveira|Costa|Rodrigues|Martins|Jesus|Sousa|Fernandes|Gonçalves|Gomes|Lopes|Marques|Alves|Almeida|Ribeiro|Pinto|Carvalho|Teixeira|Moreira|Correia|Mendes|Nunes|Soares|Vieira|Monteiro|Cardoso|Rocha|Magalhães",
    cities="Lisboa;Lisboa;1|Porto;Porto;40|Braga;Braga;47|Coimbra;Coimbra;30|Faro;Faro;80|Aveiro;Aveiro;38|Évora;Évora;70|Funchal;Madeira;90|Sintra;Lisboa;27|Guimarães;Braga;48|Óbidos;Leiria;2510|Tavira;Faro;88|Lagos;Faro;86|Viseu;Viseu;35|Ponta Delgada;Açores;95|Monsaraz;Évora;7200|Nazaré;Leiria;2450",
    streets="Rua Augusta|Avenida da Liberdade|Rua de Santa Catarina|Rua do Carmo|Praça do Comércio|Rua Direita|Largo do Rato|Rua da Prata|Avenida dos Aliados|Travessa do Fala-Só|Rua Cândido dos Reis|Rua 25 de Abril|Rua da Sofia|Estrada da Circunvalação|Rua do Almada",
    street_style="pt",
    units="9.º Esq.|9.º Dto.|R/C Esq.|9.º andar",
    unit_sep=", ",
    unit_before=False,
    po_box="Apartado 9##",
    city_style="eu",
    pc_pattern="####-###",
    orgs="c:{S} & Filhos|c:Cortiças do Alentejo|c:Azulejos Lusitanos|c:Atlântico Digital|c:Vinhos {S}|c:Transportes Rápidos do Norte|s:Pastelaria Flor de Belém|s:Farmácia Central|s:Livraria Tinta Azul|h:Hospital Distrital de {C}|h:Clínica Dentária Sorriso Atlântico|h:Centro de Saúde da Sé|e:Escola Secundária Camões|e:Escola Básica da Ribeira|n:Associação Mão Amiga|n:Banco Alimentar de {C}|t:Grupo Desportivo de {C}|t:Clube Náutico de {C}|o:Hotel Miradouro|o:Casa do Largo Guesthouse|r:Tasca do Zé|r:Restaurante O Pescador|v:Clínica Veterinária São Bento",
    suffixes="Lda.|S.A.|Unipessoal Lda.",
    tld="pt",
    mail="sapo.pt|gmail.com|hotmail.com|netcabo.pt|outlook.pt",
    cc="351",
    trunk="",
    tsep="",
    land="21,22:### ####;239,234,289:### ###",
    mob="91#,93#,96#,92#:### ###",
    styles="nat|nat|intl|intl|intl00",
    iban="PT:4n4n11n2n",
    natid="pt",
    two_surnames=0.5,
    surname_main="last",
    dob_fmt="DD/MM/YYYY|D MMMM YYYY",
    date_fmt="DD/MM/YYYY|D MMMM YYYY",
    cur="| €| |,",
    carriers="CTT|DPD Portugal|Chronopost Portugal",
    tit_f="Sra.",
    tit_m="Sr.",
    academic="Dr.|Dra.|Eng.",
    period=False,
)

RAW["it_IT"] = dict(
    country="Italy",
    country_local="ITALIA",
    lang="Italian",
    nationality="Italian",
    female="Giulia|Francesca|Chiara|Sara|Martina|Alessia|Valentina|Federica|Elena|Silvia|Giorgia|Beatrice|Ilaria|Lucia|Caterina",
    male="Marco|Alessandro|Luca|Andrea|Matteo|Lorenzo|Francesco|Davide|Simone|Giuseppe|Giovanni|Stefano|Riccardo|Tommaso|Salvatore",
    family="Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Santoro|Mariani|Rinaldi|Caruso|Ferrara|Galli|Martini|Leone|Longo|Gentile",
    cities="Roma;RM;001|Milano;MI;201|Napoli;NA;801|Torino;TO;101|Firenze;FI;501|Bologna;BO;401|Venezia;VE;301|Palermo;PA;901|Genova;GE;161|Bari;BA;701|Verona;VR;371|Lecce;LE;731|Matera;MT;75100|Alberobello;BA;70011|Bellagio;CO;22021|San Gimignano;SI;53037|Orvieto;TR;05018|Cortina d'Ampezzo;BL;32043",
    streets="Via Roma|Via Garibaldi|Corso Vittorio Emanuele II|Via Dante|Piazza del Duomo|Via Mazzini|Via Cavour|Viale Europa|Via XX Settembre|Via dei Mille|Corso Italia|Via Nazionale|Strada Maggiore|Via San Francesco|Vicolo del Forno",
    street_style="it",
    units="scala @, interno 9#|int. 9#|piano 9",
    unit_sep=", ",
    unit_before=False,
    po_box="Casella Postale 9#",
    city_style="it",
    pc_pattern="#####",
    orgs="c:{S} & Figli|c:Officina Meccanica {S}|c:Tessitura Lariana|c:Cantina Colli Alti|c:Logistica Adriatica|c:Software Dolomiti|s:Pasticceria {S}|s:Ferramenta Centrale|s:Farmacia Comunale {C}|h:Ospedale Civile di {C}|h:Studio Dentistico Sorriso|h:Poliambulatorio San Marco|e:Liceo Classico Dante Alighieri|e:Istituto Comprensivo Leonardo da Vinci|n:Croce Verde {C}|n:Associazione Amici del Borgo|t:Polisportiva {C}|t:Pallavolo {C}|o:Hotel Bellavista|o:Albergo La Pergola|r:Trattoria Da Mario|r:Osteria del Ponte|v:Clinica Veterinaria San Francesco",
    suffixes="S.r.l.|S.p.A.|S.n.c.|S.a.s.|Srl",
    tld="it",
    mail="libero.it|virgilio.it|alice.it|tiscali.it|gmail.com",
    cc="39",
    trunk="",
    tsep="",
    land="06,02:#### ####;011,055,051,081:### ####;0331,0342:######",
    mob="3##:### ####;3##:#######",
    styles="nat|nat|intl|intl|intl00|slash",
    iban="IT:1a5n5n12n",
    natid="it",
    dob_fmt="DD/MM/YYYY|D MMMM YYYY",
    date_fmt="DD/MM/YYYY|D MMMM YYYY",
    cur="€ ||.|,",
    carriers="Poste Italiane|BRT|SDA",
    tit_f="Sig.ra",
    tit_m="Sig.",
    academic="Dott.|Dott.ssa|Prof.|Ing.",
    period=False,
)

RAW["nl_NL"] = dict(
    country="Netherlands",
    country_local="NEDERLAND",
    lang="Dutch",
    nationality="Dutch",
    female="Emma|Sophie|Julia|Anna|Lotte|Fleur|Sanne|Lisa|Eva|Femke|Anouk|Iris|Marieke|Ingrid|Noor",
    male="Daan|Sem|Lucas|Bram|Thijs|Jesse|Ruben|Lars|Stijn|Joris|Pieter|Sander|Maarten|Wouter|Gijs",
    family="de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen",
    cities="Amsterdam;Noord-Holland;10|Rotterdam;Zuid-Holland;30|Den Haag;Zuid-Holland;25|Utrecht;Utrecht;35|Eindhoven;Noord-Brabant;56|Groningen;Groningen;97|Haarlem;Noord-Holland;20|Leiden;Zuid-Holland;23|Maastricht;Limburg;62|Delft;Zuid-Holland;26|Zwolle;Overijssel;80|Giethoorn;Overijssel;8355|Volendam;Noord-Holland;1131|Deventer;Overijssel;74|Middelburg;Zeeland;43|Leeuwarden;Friesland;89|Hoorn;Noord-Holland;16",
    streets="Keizersgracht|Prinsengracht|Kerkstraat|Dorpsstraat|Stationsweg|Molenweg|Hoofdstraat|Julianalaan|Wilhelminastraat|Nieuwe Binnenweg|Oudegracht|Markt|Schoolstraat|Beatrixlaan|Herengracht|Zeestraat",
    street_style="nl",
    units="9e verdieping|9e etage",
    unit_sep=", ",
    unit_before=False,
    po_box="Postbus 9###",
    city_style="eu",
    pc_pattern="#### LL",
    pc_letters="ABCDEGHJKLMNPRTVWXZ",
    orgs="c:{S} Installatietechniek|c:Tulp & Zonen|c:Oranje Logistiek|c:Polder Software|c:{S} Advocaten|c:Dijkbouw Noord|s:Bakkerij De Zoete Inval|s:Fietsenwinkel De Spaak|s:Kaashandel {S}|h:Medisch Centrum {C}|h:Tandartspraktijk De Molen|h:Huisartsenpraktijk Zuid|e:Basisschool De Regenboog|e:Stedelijk Gymnasium {C}|n:Stichting Groene Hart|n:Voedselbank {C}|t:VV {C}|t:Hockeyclub {C}|o:Hotel De Gouden Leeuw|o:B&B Het Molenhuis|r:Eetcafé De Kroon|r:Pannenkoekenhuis De Molen|v:Dierenkliniek Het Park",
    suffixes="B.V.|BV|N.V.|V.O.F.",
    tld="nl",
    mail="ziggo.nl|kpnmail.nl|xs4all.nl|hotmail.nl|gmail.com",
    cc="31",
    trunk="0",
    tsep="",
    land="20,10,30,70,40,50,71,73:### ####;596,475:######",
    mob="6:########;6:## ## ## ##",
    styles="nat|nat|nat_dash_area|intl|intl_trunk|intl00|paren",
    iban="NL:4a10n:ABNA|RABO|INGB|TRIO|SNSB|KNAB",
    natid="nl",
    dob_fmt="DD-MM-YYYY|D MMMM YYYY",
    date_fmt="DD-MM-YYYY|D MMMM YYYY",
    cur="€ ||.|,",
    carriers="PostNL|DHL Parcel|DPD Nederland",
    tit_f="mevr.",
    tit_m="dhr.",
    academic="Dr.|Prof.|Ir.|Mr.",
    period=False,
)

RAW["pl_PL"] = dict(
    country="Poland",
    country_local="POLSKA",
    lang="Polish",
    nationality="Polish",
    female="Anna|Zofia|Katarzyna|Małgorzata|Agnieszka|Joanna|Magdalena|Aleksandra|Natalia|Weronika|Julia|Ewa|Barbara|Dorota|Wiktoria",
    male="Piotr|Krzysztof|Tomasz|Paweł|Michał|Marcin|Jakub|Kamil|Łukasz|Grzegorz|Mateusz|Wojciech|Andrzej|Bartosz|Szymon",
    family="Nowak|Kowalski|Wiśniewski|Wójcik|Kowalczyk|Kamiński|Lewandowski|Zieliński|Szymański|Woźniak|Dąbrowski|Kozłowski|Jankowski|Mazur|Kwiatkowski|Krawczyk|Piotrowski|Grabowski|Pawłowski|Michalski|Król|Wieczorek|Jabłoński|Wróbel|Majewski|Olszewski|Stępień|Malinowski|Jaworski|Adamczyk|Dudek|Nowicki|Górski|Sikora",
    cities="Warszawa;mazowieckie;0|Kraków;małopolskie;3|Gdańsk;pomorskie;80|Wrocław;dolnośląskie;5|Poznań;wielkopolskie;6|Łódź;łódzkie;9|Lublin;lubelskie;20|Katowice;śląskie;40|Szczecin;zachodniopomorskie;70|Białystok;podlaskie;15|Zakopane;małopolskie;34500|Sopot;pomorskie;81|Kazimierz Dolny;lubelskie;24120|Sandomierz;świętokrzyskie;27600|Hel;pomorskie;84150|Toruń;kujawsko-pomorskie;87|Żywiec;śląskie;34300|Ustrzyki Dolne;podkarpackie;38700",
    streets="ul. Marszałkowska|ul. Długa|ul. Piotrkowska|ul. Floriańska|al. Jerozolimskie|ul. Mickiewicza|ul. Słowackiego|ul. Kościuszki|pl. Wolności|ul. Krótka|ul. Lipowa|ul. Ogrodowa|os. Słoneczne|ul. Kwiatowa|ul. Polna|ul. 3 Maja",
    street_style="pl",
    units="m. 9#|lok. 9|m. 9",
    unit_sep=" ",
    unit_before=False,
    po_box="skr. poczt. 9#",
    city_style="eu",
    pc_pattern="##-###",
    orgs="c:{S} Bud|c:Mazowsze Logistics|c:Drukarnia Wisła|c:Biuro Rachunkowe {S}|c:Hurtownia Elektryczna Volt|c:Zakład Stolarski {S}|s:Piekarnia Pod Lipami|s:Cukiernia Słodki Kącik|s:Apteka Pod Orłem|h:{S} Dental|h:Szpital Miejski nr 2|h:Przychodnia Zdrowie|e:Szkoła Podstawowa nr 7|e:Liceum Ogólnokształcące nr 3|n:Fundacja Dobre Serce|n:Stowarzyszenie Sąsiedzka Pomoc|t:Klub Sportowy Orzeł|t:KS {C}|o:Hotel Pod Wawelem|o:Pensjonat Jodła|r:Restauracja Pod Aniołem|r:Kawiarnia Stara Kamienica|v:Przychodnia Weterynaryjna Azor",
    suffixes="Sp. z o.o.|S.A.|sp.j.|sp. k.",
    tld="pl",
    mail="wp.pl|onet.pl|o2.pl|interia.pl|gmail.com",
    cc="48",
    trunk="",
    tsep="",
    land="22,12,58,71,61,42,81:### ## ##",
    mob="50#,51#,60#,66#,69#,72#,78#,79#,88#:### ###",
    styles="nat|nat|intl|intl|intl00|nat_dash_all|paren_sp",
    iban="PL:8n16n",
    natid="pl",
    dob_fmt="DD.MM.YYYY|D MMMM YYYY",
    date_fmt="DD.MM.YYYY|D MMMM YYYY",
    cur="| zł| |,",
    carriers="InPost|Poczta Polska|DPD Polska",
    tit_f="Pani",
    tit_m="Pan",
    academic="dr|prof.|mgr inż.",
    period=False,
)

RAW["cs_CZ"] = dict(
    country="Czech Republic",
    country_local="ČESKÁ REPUBLIKA",
    lang="Czech",
    nationality="Czech",
    female="Jana|Tereza|Eliška|Anna|Lucie|Petra|Kateřina|Veronika|Markéta|Barbora|Klára|Hana|Zuzana|Adéla|Lenka",
    male="Jan|Jakub|Tomáš|Martin|Petr|Lukáš|Ondřej|Vojtěch|Jiří|Pavel|Michal|David|Filip|Matěj|Josef",
    family="Novák/Nováková|Svoboda/Svobodová|Novotný/Novotná|Dvořák/Dvořáková|Černý/Černá|Procházka/Procházková|Kučera/Kučerová|Veselý/Veselá|Horák/Horáková|Němec/Němcová|Marek/Marková|Pokorný/Pokorná|Pospíšil/Pospíšilová|Hájek/Hájková|Jelínek/Jelínková|Král/Králová|Růžička/Růžičková|Beneš/Benešová|Fiala/Fialová|Sedláček/Sedláčková|Doležal/Doležalová|Zeman/Zemanová|Kolář/Kolářová|Navrátil/Navrátilová|Čermák/Čermáková|Urban/Urbanová|Vaněk/Vaňková|Blažek/Blažková|Kříž/Křížová|Bartoš/Bartošová",
    cities="Praha;Hlavní město Praha;1|Brno;Jihomoravský kraj;60|Ostrava;Moravskoslezský kraj;70|Plzeň;Plzeňský kraj;30|Liberec;Liberecký kraj;460|Olomouc;Olomoucký kraj;77|České Budějovice;Jihočeský kraj;370|Hradec Králové;Královéhradecký kraj;500|Pardubice;Pardubický kraj;530|Zlín;Zlínský kraj;760|Český Krumlov;Jihočeský kraj;38101|Kutná Hora;Středočeský kraj;28401|Telč;Kraj Vysočina;58856|Mikulov;Jihomoravský kraj;69201|Karlovy Vary;Karlovarský kraj;360|Třeboň;Jihočeský kraj;37901|Litomyšl;Pardubický kraj;57001",
    streets="Václavské náměstí|Národní|Vinohradská|Masarykova|Husova|Nádražní|Palackého|Komenského|Školní|Zahradní|Na Příkopě|Karlova|Dlouhá|Sokolská|Lidická|náměstí Míru",
    street_style="cz",
    units="byt 9#|9. patro",
    unit_sep=", ",
    unit_before=False,
    po_box="P.O. Box 9#",
    city_style="eu",
    pc_pattern="### ##",
    orgs="c:Stavby {S}|c:{S} a syn|c:Moravia Software|c:Pivovar Zlatá Husa|c:Sklárna Bohemia Křišťál|c:Dopravní služby Labe|s:Pekárna U Mlýna|s:Knihkupectví Dobrá Kniha|s:Lékárna U Zlatého Lva|h:Nemocnice {C}|h:Zubní ordinace Úsměv|h:Poliklinika Jih|e:Základní škola Komenského|e:Gymnázium Jana Nerudy|n:Nadace Dobrý Start|n:Spolek Zelené Město|t:TJ Sokol {C}|t:HC {C}|o:Hotel U Zlaté Koruny|o:Penzion Na Kopci|r:Restaurace U Dvou Koček|r:Kavárna U Sovy|v:Veterinární klinika Alík",
    suffixes="s.r.o.|a.s.|spol. s r.o.|v.o.s.",
    tld="cz",
    mail="seznam.cz|email.cz|centrum.cz|post.cz|gmail.com",
    cc="420",
    trunk="",
    tsep="",
    land="2##,5##,3##:### ###",
    mob="60#,72#,73#,77#:### ###",
    styles="nat|nat|intl|intl|intl00",
    iban="CZ:4n6n10n",
    natid="cz",
    dob_fmt="D. M. YYYY|DD.MM.YYYY",
    date_fmt="D. M. YYYY|D MMMM YYYY",
    cur="| Kč| |,",
    carriers="Česká pošta|PPL|Zásilkovna",
    tit_f="paní",
    tit_m="pan",
    academic="Ing.|Mgr.|MUDr.|Dr.",
    period=False,
)

RAW["sv_SE"] = dict(
    country="Sweden",
    country_local="SVERIGE",
    lang="Swedish",
    nationality="Swedish",
    female="Anna|Maria|Elin|Emma|Sara|Ida|Karin|Linnea|Maja|Ebba|Alva|Frida|Ingrid|Astrid|Sofia",
    male="Erik|Lars|Karl|Anders|Johan|Per|Nils|Oskar|Axel|Gustav|Mikael|Henrik|Björn|Magnus|Fredrik",
    family="Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Olsson|Persson|Svensson|Gustafsson|Pettersson|Jonsson|Jansson|Hansson|Bengtsson|Lindberg|Lindström|Lindqvist|Berg|Bergström|Lundberg|Lundgren|Sjöberg|Nyström|Holm|Wikström|Engström|Håkansson|Sandberg|Ekström",
    cities="Stockholm;Stockholms län;11|Göteborg;Västra Götalands län;41|Malmö;Skåne län;21|Uppsala;Uppsala län;75|Linköping;Östergötlands län;58|Örebro;Örebro län;70|Umeå;Västerbottens län;90|Lund;Skåne län;22|Kiruna;Norrbottens län;981|Visby;Gotlands län;621|Ystad;Skåne län;271|Mora;Dalarnas län;792|Arvidsjaur;Norrbottens län;933|Falun;Dalarnas län;791|Karlstad;Värmlands län;65|Strömstad;Västra Götalands län;452|Östersund;Jämtlands län;83",
    streets="Drottninggatan|Storgatan|Kungsgatan|Sveavägen|Götgatan|Västra Hamngatan|Skolgatan|Kyrkogatan|Järnvägsgatan|Södra Vägen|Strandvägen|Hantverkargatan|Björkvägen|Tallvägen|Ringvägen",
    street_style="nordic",
    units="lgh 1909|9 tr",
    unit_sep=", ",
    unit_before=False,
    po_box="Box 9###",
    city_style="eu",
    pc_pattern="### ##",
    orgs="c:{S} Bygg|c:Nordisk Design|c:Skärgårds Logistik|c:Trähuset Snickeri|c:Fjällstuga Resor|c:Norrsken Data|s:Bageriet Kanelbullen|s:Apotek Lejonet|s:Bokhandeln Hörnet|h:{C} lasarett|h:Tandläkarna Solsidan|h:Vårdcentralen Linden|e:Vasaskolan|e:Katedralskolan|n:Föreningen Grannstöd|n:Stadsmissionen {C}|t:IFK {C}|t:{C} Innebandyklubb|o:Hotell Strandbaden|o:Vandrarhemmet Björken|r:Café Sjöutsikt|r:Krogen Gamla Tullen|v:Djurkliniken Tassen",
    suffixes="AB|HB|Aktiebolag",
    tld="se",
    mail="telia.com|bredband.net|gmail.com|hotmail.se|outlook.com",
    cc="46",
    trunk="0",
    tsep="",
    land="8:### ### ##;31,40,18,90:### ## ##",
    mob="70,72,73,76:### ## ##",
    styles="nat_hyphen|nat_hyphen|nat|intl|intl|intl00",
    iban="SE:3n17n",
    natid="se",
    dob_fmt="YYYY-MM-DD|D MMMM YYYY",
    date_fmt="YYYY-MM-DD|D MMMM YYYY",
    cur="| kr| |,",
    carriers="PostNord|Budbee|DHL Freight",
    tit_f="",
    tit_m="",
    academic="Dr.|Prof.",
    period=False,
)

RAW["da_DK"] = dict(
    country="Denmark",
    country_local="DANMARK",
    lang="Danish",
    nationality="Danish",
    female="Anne|Mette|Kirsten|Sofie|Ida|Freja|Emma|Camilla|Louise|Julie|Maja|Signe|Line|Karen|Astrid",
    male="Mads|Rasmus|Søren|Jens|Lars|Mikkel|Frederik|Anders|Christian|Niels|Kasper|Emil|Magnus|Jonas|Henrik",
    family="Nielsen|Jensen|Hansen|Pedersen|Andersen|Christensen|Larsen|Sørensen|Rasmussen|Jørgensen|Petersen|Madsen|Kristensen|Olsen|Thomsen|Christiansen|Poulsen|Johansen|Møller|Mortensen|Knudsen|Jakobsen|Mikkelsen|Lund|Holm|Frederiksen|Dahl|Bach|Vestergaard|Lauridsen",
    cities="København;Region Hovedstaden;1|Aarhus;Region Midtjylland;80|Odense;Region Syddanmark;50|Aalborg;Region Nordjylland;90|Esbjerg;Region Syddanmark;67|Roskilde;Region Sjælland;40|Helsingør;Region Hovedstaden;30|Ribe;Region Syddanmark;6760|Skagen;Region Nordjylland;9990|Ærøskøbing;Region Syddanmark;5970|Svendborg;Region Syddanmark;57|Silkeborg;Region Midtjylland;86|Vejle;Region Syddanmark;71|Tønder;Region Syddanmark;6270|Gudhjem;Region Hovedstaden;3760|Frederiksberg;Region Hovedstaden;20",
    streets="Nørrebrogade|Vesterbrogade|Østergade|Algade|Kirkegade|Jernbanegade|Havnegade|Strandvejen|Søndergade|Vestergade|Skolevej|Møllevej|Bredgade|Kongensgade|Torvet|Industrivej",
    street_style="nordic",
    units="9. th.|9. tv.|st. th.|9. sal",
    unit_sep=", ",
    unit_before=False,
    po_box="Postboks 9##",
    city_style="eu",
    pc_pattern="####",
    orgs="c:{S} & Søn|c:Nordlys Design|c:Vestjysk Transport|c:Fynsk Tømrer|c:Havblik Software|c:Cykelværkstedet|s:Bager {S}|s:Apoteket {C}|s:Boghandlen Kompasset|h:{C} Sygehus|h:Tandlægerne Torvet|h:Lægehuset Åen|e:{C} Friskole|e:Katedralskolen|n:Foreningen Fælles Fremtid|n:Madhjælpen {C}|t:{C} Boldklub|t:{C} Håndboldklub|o:Hotel Havnely|o:Kro Kongeåen|r:Café Havnen|r:Restaurant Fiskehuset|v:Dyreklinikken Poten",
    suffixes="ApS|A/S|I/S|IVS",
    tld="dk",
    mail="mail.dk|gmail.com|hotmail.dk|jubii.dk|outlook.dk",
    cc="45",
    trunk="",
    tsep="",
    land=":3# ## ## ##;:8# ## ## ##",
    mob=":2# ## ## ##;:4# ## ## ##;:5### ####",
    styles="nat|nat|intl|intl|intl00",
    iban="DK:4n10n",
    natid="dk",
    dob_fmt="DD-MM-YYYY|DD.MM.YYYY|D MMMM YYYY",
    date_fmt="DD-MM-YYYY|D MMMM YYYY",
    cur="| kr.|.|,",
    carriers="PostNord|GLS Denmark|Bring",
    tit_f="",
    tit_m="",
    academic="Dr.|Prof.",
    period=False,
)

RAW["nb_NO"] = dict(
    country="Norway",
    country_local="NORGE",
    lang="Norwegian",
    nationality="Norwegian",
    female="Nora|Emma|Ingrid|Sofie|Maja|Thea|Ida|Kari|Hanne|Silje|Marte|Ragnhild|Solveig|Synnøve|Tone",
    male="Jakob|Emil|Noah|Magnus|Sander|Henrik|Ola|Kristian|Håkon|Eirik|Sindre|Torbjørn|Øyvind|Lars|Aksel",
    family="Hansen|Johansen|Olsen|Larsen|Andersen|Pedersen|Nilsen|Kristiansen|Jensen|Karlsen|Johnsen|Pettersen|Eriksen|Berg|Haugen|Hagen|Johannessen|Andreassen|Jacobsen|Dahl|Jørgensen|Halvorsen|Henriksen|Lund|Sørensen|Bakke|Moen|Strand|Solberg|Eide|Haugland",
    cities="Oslo;Oslo;01|Bergen;Vestland;50|Trondheim;Trøndelag;70|Stavanger;Rogaland;40|Tromsø;Troms;90|Kristiansand;Agder;46|Drammen;Buskerud;30|Ålesund;Møre og Romsdal;60|Bodø;Nordland;80|Lillehammer;Innlandet;26|Røros;Trøndelag;7374|Geiranger;Møre og Romsdal;6216|Svolvær;Nordland;8300|Flåm;Vestland;5743|Hammerfest;Finnmark;9600|Lærdal;Vestland;6887|Kirkenes;Finnmark;9900",
    streets="Karl Johans gate|Storgata|Kirkegata|Dronningens gate|Bryggen|Torggata|Strandgata|Skolegata|Parkveien|Bogstadveien|Kongens gate|Nedre Slottsgate|Sjøgata|Fjordveien|Elvegata|Solheimsgaten",
    street_style="nordic",
    units="H0909|9. etasje",
    unit_sep=", ",
    unit_before=False,
    po_box="Postboks 9##",
    city_style="eu",
    pc_pattern="####",
    orgs="c:{S} Elektro|c:Nordfjord Fisk|c:Polar Logistikk|c:Vestland Rør|c:Fjordlys Data|c:Snekkerverkstedet Tre|s:Bakeri Sjøbua|s:Apotek Nordstjernen|s:Sportsbua {C}|h:Sykehuset {C}|h:Tannlegene i Sentrum|h:Legesenteret Brygga|e:{C} skole|e:Katedralskolen|n:Frivilligsentralen {C}|n:Stiftelsen Lyspunkt|t:{C} IL|t:{C} Ballklubb|o:Fjellheim Turisthytte|o:Hotell Fjordgløtt|r:Kafé Kaia|r:Restaurant Sjøhuset|v:Dyreklinikken Labben",
    suffixes="AS|ASA|ANS|DA",
    tld="no",
    mail="online.no|gmail.com|hotmail.no|outlook.com|broadpark.no",
    cc="47",
    trunk="",
    tsep="",
    land=":2# ## ## ##;:5# ## ## ##;:7# ## ## ##",
    mob=":4## ## ###;:9## ## ###",
    styles="nat|nat|intl|intl|intl00",
    iban="NO:4n7n",
    natid="no",
    dob_fmt="DD.MM.YYYY|D MMMM YYYY",
    date_fmt="DD.MM.YYYY|D MMMM YYYY",
    cur="kr ||.|,",
    carriers="Posten|Bring|PostNord",
    tit_f="",
    tit_m="",
    academic="Dr.|Prof.",
    period=False,
)

RAW["fi_FI"] = dict(
    country="Finland",
    country_local="SUOMI",
    lang="Finnish",
    nationality="Finnish",
    female="Aino|Eevi|Helmi|Ella|Sofia|Venla|Aada|Emilia|Laura|Johanna|Sanna|Minna|Riikka|Tiina|Kaisa",
    male="Onni|Väinö|Eino|Leo|Elias|Juho|Mikko|Matti|Antti|Jukka|Pekka|Ville|Teemu|Janne|Tuomas",
    family="Korhonen|Virtanen|Mäkinen|Nieminen|Mäkelä|Hämäläinen|Laine|Heikkinen|Koskinen|Järvinen|Lehtonen|Lehtinen|Saarinen|Salminen|Heinonen|Niemi|Heikkilä|Kinnunen|Salonen|Turunen|Salo|Laitinen|Tuominen|Rantanen|Karjalainen|Jokinen|Mattila|Savolainen|Lahtinen|Ahonen",
    cities="Helsinki;Uusimaa;00|Espoo;Uusimaa;02|Tampere;Pirkanmaa;33|Turku;Varsinais-Suomi;20|Oulu;Pohjois-Pohjanmaa;90|Jyväskylä;Keski-Suomi;40|Kuopio;Pohjois-Savo;70|Lahti;Päijät-Häme;15|Rovaniemi;Lappi;96|Porvoo;Uusimaa;06|Savonlinna;Etelä-Savo;57|Naantali;Varsinais-Suomi;21100|Inari;Lappi;99870|Hanko;Uusimaa;10900|Kuusamo;Pohjois-Pohjanmaa;93600|Rauma;Satakunta;26|Maarianhamina;Ahvenanmaa;22100",
    streets="Mannerheimintie|Aleksanterinkatu|Hämeenkatu|Kauppakatu|Rautatienkatu|Puistokatu|Koulukatu|Kirkkokatu|Pohjoisesplanadi|Satamakatu|Rantatie|Myllytie|Kuusitie|Koivukuja|Isokatu",
    street_style="fi",
    units="@ 9#|@ 9|as. 9#",
    unit_sep=" ",
    unit_before=False,
    po_box="PL 9##",
    city_style="eu",
    pc_pattern="#####",
    orgs="c:Revontuli Design|c:Lapin Matkat|c:Puutyö {S}|c:Metsä Data|c:Saaristo Logistiikka|c:Kuljetus {S}|s:Leipomo {S}|s:Apteekki Kolmio|s:Kirjakauppa Lukunurkka|h:{C} keskussairaala|h:Hammaslääkäriasema Hymy|h:Terveysasema Kallio|e:{C} yhteiskoulu|e:Kalliolan lukio|n:Nuorisoseura Tähti|n:Ruoka-apu {C}|t:FC {C}|t:{C} Pallo|o:Hotelli Järvenranta|o:Mökkikylä Kuusikko|r:Kahvila Kulma|r:Ravintola Saaristo|v:Eläinklinikka Tassu",
    suffixes="Oy|Oyj|Ky|Tmi",
    tld="fi",
    mail="luukku.com|gmail.com|suomi24.fi|hotmail.fi|elisanet.fi",
    cc="358",
    trunk="0",
    tsep="",
    land="9:### ####;2,3,6:### ####",
    mob="40,41,44,45,50:### ####",
    styles="nat|nat|nat_hyphen|intl|intl|intl00",
    iban="FI:6n8n",
    natid="fi",
    dob_fmt="D.M.YYYY|DD.MM.YYYY",
    date_fmt="D.M.YYYY|D MMMM YYYY",
    cur="| €| |,",
    carriers="Posti|Matkahuolto|DB Schenker",
    tit_f="",
    tit_m="",
    academic="Dr.|Prof.|FT",
    period=False,
)

RAW["hu_HU"] = dict(
    country="Hungary",
    country_local="MAGYARORSZÁG",
    lang="Hungarian",
    nationality="Hungarian",
    female="Anna|Eszter|Katalin|Zsófia|Réka|Dóra|Petra|Nikolett|Andrea|Krisztina|Erzsébet|Ildikó|Boglárka|Noémi|Judit",
    male="László|István|József|Gábor|Zoltán|Péter|Attila|Bence|Dávid|Tamás|Balázs|Levente|Ádám|Máté|Csaba",
    family="Nagy|Kovács|Tóth|Szabó|Horváth|Varga|Kiss|Molnár|Németh|Farkas|Balogh|Papp|Takács|Juhász|Lakatos|Mészáros|Oláh|Simon|Rácz|Fekete|Szilágyi|Török|Fehér|Gál|Kis|Szűcs|Kocsis|Pintér|Fodor|Szalai",
    cities="Budapest;Pest;1|Debrecen;Hajdú-Bihar;40|Szeged;Csongrád-Csanád;67|Miskolc;Borsod-Abaúj-Zemplén;35|Pécs;Baranya;76|Győr;Győr-Moson-Sopron;90|Nyíregyháza;Szabolcs-Szatmár-Bereg;44|Kecskemét;Bács-Kiskun;60|Székesfehérvár;Fejér;80|Eger;Heves;33|Tokaj;Borsod-Abaúj-Zemplén;3910|Hollókő;Nógrád;3176|Szentendre;Pest;2000|Sopron;Győr-Moson-Sopron;94|Tihany;Veszprém;8237|Gyula;Békés;5700|Veszprém;Veszprém;82",
    streets="Andrássy út|Váci utca|Kossuth Lajos utca|Petőfi Sándor utca|Rákóczi út|Fő utca|Dózsa György út|Széchenyi tér|Arany János utca|Bem rakpart|Múzeum körút|Szabadság tér|Deák Ferenc utca|Jókai utca|Kossuth tér",
    street_style="hu",
    units="9. em. 9.|fsz. 9.|9. emelet 9. ajtó",
    unit_sep=" ",
    unit_before=False,
    po_box="Pf. 9##",
    city_style="eu",
    pc_pattern="####",
    orgs="c:{S} és Társa|c:Pannon Informatika|c:Balaton Szerviz|c:Hungaro Trans|c:Tokaji Borház|c:{S} Pékség|s:Patika a Kígyóhoz|s:Dunapart Könyvesbolt|s:Virágbolt Tulipán|h:Városi Kórház|h:Mosoly Fogászat|h:Szent Lukács Rendelő|e:Petőfi Sándor Általános Iskola|e:Kossuth Lajos Gimnázium|n:Jószív Alapítvány|n:Zöld Jövő Egyesület|t:{C} FC|t:{C} Kézilabda Klub|o:Hotel Dunapart|o:Napsugár Panzió|r:Dunapart Étterem|r:Három Holló Kávéház|v:Bundás Állatorvosi Rendelő",
    suffixes="Kft.|Zrt.|Bt.|Nyrt.",
    tld="hu",
    mail="freemail.hu|citromail.hu|gmail.com|t-online.hu|outlook.hu",
    cc="36",
    trunk="06",
    tsep=" ",
    land="1:### ####;52,62,72,96:### ###",
    mob="20,30,70:### ####",
    styles="nat|nat|intl|intl|intl00",
    iban="HU:3n4n1n15n1n",
    natid="hu",
    eastern_order=0.5,
    dob_fmt="YYYY. MM. DD.|YYYY.MM.DD.|D MMMM YYYY",
    date_fmt="YYYY. MM. DD.|D MMMM YYYY",
    cur="| Ft| |,",
    carriers="Magyar Posta|GLS Hungary|Foxpost",
    tit_f="",
    tit_m="",
    academic="Dr.|Prof.",
    period=False,
)

RAW["ro_RO"] = dict(
    country="Romania",
    country_local="ROMÂNIA",
    lang="Romanian",
    nationality="Romanian",
    female="Maria|Elena|Ioana|Andreea|Alexandra|Mihaela|Cristina|Ana|Gabriela|Raluca|Roxana|Daniela|Irina|Bianca|Alina",
    male="Andrei|Alexandru|Mihai|Ion|Ionuț|Gabriel|Cristian|Florin|Bogdan|Vlad|Adrian|Radu|Ștefan|Marius|Dan",
    family="Popescu|Ionescu|Popa|Pop|Radu|Dumitru|Stan|Stoica|Gheorghe|Matei|Ciobanu|Rusu|Munteanu|Constantin|Dinu|Lungu|Marin|Tudor|Moldovan|Dobre|Barbu|Nistor|Florea|Ene|Toma|Sârbu|Cristea|Neagu|Diaconu|Oprea",
    cities="București;București;0|Cluj-Napoca;Cluj;400|Timișoara;Timiș;300|Iași;Iași;700|Constanța;Constanța;900|Brașov;Brașov;500|Sibiu;Sibiu;550|Oradea;Bihor;410|Craiova;Dolj;200|Sighișoara;Mureș;545400|Bran;Brașov;507025|Sinaia;Prahova;106100|Suceava;Suceava;720|Târgu Mureș;Mureș;540|Baia Mare;Maramureș;430|Vama Veche;Constanța;905201|Hunedoara;Hunedoara;331",
    streets="Str. Lipscani|Bd. Unirii|Calea Victoriei|Str. Mihai Eminescu|Str. Republicii|Str. Avram Iancu|Piața Unirii|Str. Florilor|Aleea Teilor|Str. Principală|Șoseaua Kiseleff|Str. Ion Creangă|Str. Libertății|Bd. Eroilor|Str. Horea",
    street_style="ro",
    units="bl. @9, sc. 9, ap. 9#|et. 9, ap. 9#|ap. 9#",
    unit_sep=", ",
    unit_before=False,
    po_box="C.P. 9#",
    city_style="ro",
    pc_pattern="######",
    orgs="c:{S} Construct|c:Carpați Software|c:Transilvania Trans|c:Cramele Dealu Mare|c:Mobila Bucovina|c:Agro {S}|s:Brutăria Spicul Auriu|s:Cofetăria Dulcea Casă|s:Farmacia Sfântul Pantelimon|h:Spitalul Clinic Județean {C}|h:Clinica Dentară Zâmbet|h:Policlinica Sănătatea|e:Colegiul Național Mihai Viteazul|e:Școala Gimnazială nr. 5|n:Asociația Mâini Deschise|n:Fundația Speranța|t:CS {C}|t:Clubul Sportiv Viitorul|o:Hotel Carpați|o:Pensiunea Bradul|r:Restaurant La Ceaun|r:Cafeneaua Veche|v:Cabinet Veterinar Azorel",
    suffixes="S.R.L.|SRL|S.A.",
    tld="ro",
    mail="yahoo.com|gmail.com|yahoo.ro|rdslink.ro|outlook.com",
    cc="40",
    trunk="0",
    tsep="",
    land="21:### ####;264,256,232,268:### ###",
    mob="72#,74#,75#,76#:### ###",
    styles="nat|nat|intl|intl|intl00|paren",
    iban="RO:4a16c:BTRL|RNCB|BRDE|INGB|BACX",
    natid="ro",
    dob_fmt="DD.MM.YYYY|D MMMM YYYY",
    date_fmt="DD.MM.YYYY|D MMMM YYYY",
    cur="| lei|.|,",
    carriers="Poșta Română|Fan Courier|Sameday",
    tit_f="dna",
    tit_m="dl.",
    academic="Dr.|Prof.|Ing.",
    period=False,
)

RAW["tr_TR"] = dict(
    country="Türkiye",
    country_local="TÜRKİYE",
    lang="Turkish",
    nationality="Turkish",
    female="Ayşe|Fatma|Zeynep|Elif|Emine|Merve|Esra|Büşra|Selin|Derya|Gül|Hatice|Özlem|Sibel|Ebru",
    male="Mehmet|Mustafa|Ahmet|Ali|Hüseyin|Murat|Emre|Burak|Can|Kerem|Oğuz|Serkan|Hakan|Yusuf|Barış",
    family="Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|Kılıç|Aslan|Çetin|Kara|Koç|Kurt|Özkan|Şimşek|Polat|Korkmaz|Karakaya|Erdoğan|Güneş|Aksoy|Tekin|Bulut|Uçar|Acar",
    cities="Kadıköy;İstanbul;347|Beşiktaş;İstanbul;343|Çankaya;Ankara;06|Karşıyaka;İzmir;355|Nilüfer;Bursa;16|Muratpaşa;Antalya;07|Selçuklu;Konya;42|Tepebaşı;Eskişehir;26|Ortahisar;Trabzon;61|Kaş;Antalya;07580|Ürgüp;Nevşehir;50400|Bodrum;Muğla;48400|Safranbolu;Karabük;78600|Ayvalık;Balıkesir;10400|Datça;Muğla;48900|Amasra;Bartın;74300|Artuklu;Mardin;47",
    streets="Bağdat Caddesi|İstiklal Caddesi|Atatürk Bulvarı|Cumhuriyet Caddesi|Gazi Mustafa Kemal Bulvarı|Kordon Boyu|Menekşe Sokak|Lale Sokak|Çiçek Sokak|Bahçe Sokak|İnönü Caddesi|Barbaros Bulvarı|Fevzi Çakmak Caddesi|Moda Caddesi|Gül Sokak",
    street_style="tr",
    units="D: 9|Daire: 9#|Kat: 9 D: 9",
    unit_sep=" ",
    unit_before=False,
    po_box="P.K. 9#",
    city_style="tr",
    pc_pattern="#####",
    orgs="c:{S} İnşaat|c:Boğaziçi Lojistik|c:Kapadokya Turizm|c:Ege Yazılım|c:Anadolu Halı|c:Akdeniz Tekstil|s:Güneş Fırın|s:Şifa Eczanesi|s:Karadeniz Çay Evi|h:{C} Devlet Hastanesi|h:Gülüş Diş Kliniği|h:Özel Yaşam Tıp Merkezi|e:Atatürk Anadolu Lisesi|e:Cumhuriyet İlkokulu|n:Umut Vakfı|n:Yeşil Doğa Derneği|t:Yeşil Vadi Spor Kulübü|t:{C} Gençlik Spor|o:Otel Lale Konak|o:Taş Ev Pansiyon|r:Lokanta Sofra|r:Kebapçı Halil Usta|v:Patiler Veteriner Kliniği",
    suffixes="Ltd. Şti.|A.Ş.|San. ve Tic. Ltd. Şti.",
    tld="com.tr",
    mail="gmail.com|hotmail.com|yandex.com.tr|mynet.com|outlook.com",
    cc="90",
    trunk="0",
    tsep="",
    land="212,216,312,232,242:### ## ##",
    mob="53#,54#,55#,50#:### ## ##",
    styles="nat|nat|intl|intl|intl00|paren_sp",
    iban="TR:5n1n16n",
    natid="tr",
    dob_fmt="DD.MM.YYYY|DD/MM/YYYY|D MMMM YYYY",
    date_fmt="DD.MM.YYYY|D MMMM YYYY",
    cur="₺||.|,",
    carriers="PTT Kargo|Yurtiçi Kargo|Aras Kargo",
    tit_f="Sayın",
    tit_m="Sayın",
    academic="Dr.|Prof. Dr.|Doç. Dr.",
    period=False,
    mahalle="Caferağa|Moda|Kültür|Bahçelievler|Atatürk|Cumhuriyet|Fenerbahçe|Alsancak|Kızılay|Yenimahalle",
)


# ----------------------------------------------------------------------------------------------------
# parsed locales
# ----------------------------------------------------------------------------------------------------


class City:
    def __init__(self, spec: str):
        f = spec.split(";") + ["", "", ""]
        self.name, self.region = f[0], f[1]
        self.prefixes = f[2].split("/")
        self.extras = [x for x in f[3].split("/") if x]


def feminine_pl(s: str) -> str:
    for a, b in (("dzki", "dzka"), ("cki", "cka"), ("ski", "ska")):
        if s.endswith(a):
            return s[: -len(a)] + b
    return s


def parse_plan(s: str):
    out = []
    for part in s.split(";"):
        areas, pat = part.split(":")
        for a in areas.split(","):
            out.append((a, pat))
    return out


class Locale:
    def __init__(self, code: str, r: dict):
        self.code, self.r = code, r
        self.country, self.country_local = r["country"], r["country_local"]
        self.female, self.male = lst(r["female"]), lst(r["male"])
        fam = lst(r["family"])
        if all("/" in f for f in fam):
            self.family_pairs = [tuple(f.split("/")) for f in fam]
        elif code == "pl_PL":
            self.family_pairs = [(f, feminine_pl(f)) for f in fam]
        else:
            self.family_pairs = [(f, f) for f in fam]
        self.cities = [City(c) for c in lst(r["cities"])]
        self.streets = lst(r["streets"])
        self.units, self.po_boxes = lst(r["units"]), lst(r["po_box"])
        self.orgs = [tuple(o.split(":", 1)) for o in lst(r["orgs"])]
        self.suffixes = lst(r["suffixes"])
        self.mail = lst(r["mail"])
        self.land, self.mob = parse_plan(r["land"]), parse_plan(r["mob"])
        self.styles = lst(r["styles"])
        self.two_surnames = r.get("two_surnames", 0.0)
        self.surname_main = r.get("surname_main", "first")
        self.eastern = r.get("eastern_order", 0.0)
        self.dob_fmts, self.date_fmts = lst(r["dob_fmt"]), lst(r["date_fmt"])
        self.carriers = lst(r["carriers"])
        self.academic = lst(r["academic"])

    @property
    def country_the(self):
        return self.country in ("Netherlands", "Czech Republic", "United States", "United Kingdom")


LOCALES = {code: Locale(code, r) for code, r in RAW.items()}
LOCALE_CODES = list(RAW)


# ----------------------------------------------------------------------------------------------------
# small value generators
# ----------------------------------------------------------------------------------------------------

# fmt: off
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
# fmt: on
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"


def digits(rng, n: int) -> str:
    return "".join(rng.choice(DIGITS) for _ in range(n))


def letters(rng, n: int, alphabet: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def ufill(rng, pat: str) -> str:
    """Unit / PO box patterns: '9' digit 1-9, '#' digit 0-9, '@' letter A-H."""
    out = []
    for ch in pat:
        if ch == "9":
            out.append(str(rng.randint(1, 9)))
        elif ch == "#":
            out.append(str(rng.randint(0, 9)))
        elif ch == "@":
            out.append(rng.choice("ABCDEFGH"))
        else:
            out.append(ch)
    return "".join(out)


def fmt_date(y: int, m: int, d: int, pat: str) -> str:
    def rep(mo):
        t = mo.group(0)
        return {
            "YYYY": f"{y:04d}",
            "YY": f"{y % 100:02d}",
            "MMMM": MONTHS[m - 1],
            "MMM": MONTHS[m - 1][:3],
            "MM": f"{m:02d}",
            "M": str(m),
            "DD": f"{d:02d}",
            "D": str(d),
        }[t]

    return re.sub(r"YYYY|YY|MMMM|MMM|MM|M|DD|D", rep, pat)


def luhn_digit(payload: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(payload)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def iban_check(cc: str, bban: str) -> str:
    num = "".join(str(int(c, 36)) for c in bban + cc + "00")
    return f"{98 - int(num) % 97:02d}"


def make_iban(rng, spec: str) -> str:
    f = spec.split(":")
    cc, body = f[0], f[1]
    banks = f[2].split("|") if len(f) > 2 else []
    bban = ""
    for i, (n, k) in enumerate(re.findall(r"(\d+)([anc])", body)):
        n = int(n)
        if i == 0 and k == "a" and banks:
            bban += rng.choice(banks)
            continue
        pool = DIGITS if k == "n" else UPPER if k == "a" else DIGITS + UPPER
        bban += "".join(rng.choice(pool) for _ in range(n))
    return cc + iban_check(cc, bban) + bban


def group4(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


def make_card(rng):
    brand = rng.choice(["Visa", "Visa", "Mastercard", "Mastercard", "Amex", "Discover"])
    if brand == "Visa":
        p = "4" + digits(rng, 14)
    elif brand == "Mastercard":
        p = rng.choice(["51", "52", "53", "54", "55", "2221", "2720", "2300"])
        p += digits(rng, 15 - len(p))
    elif brand == "Amex":
        p = rng.choice(["34", "37"]) + digits(rng, 12)
    else:
        p = "6011" + digits(rng, 11)
    n = p + luhn_digit(p)
    if len(n) == 15:
        txt = rng.choice([f"{n[:4]} {n[4:10]} {n[10:]}", f"{n[:4]}-{n[4:10]}-{n[10:]}", n])
    else:
        sep = rng.choice([" ", " ", "-", ""])
        txt = sep.join(n[i : i + 4] for i in range(0, 16, 4))
    return txt, brand, n[-4:]


def ipv4(rng) -> str:
    r = rng.random()
    if r < 0.25:
        return f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}"
    if r < 0.35:
        return f"10.{rng.randint(0, 40)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
    if r < 0.42:
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
    first = rng.choice(
        [
            31,
            37,
            46,
            62,
            77,
            78,
            79,
            80,
            81,
            83,
            84,
            85,
            86,
            87,
            88,
            89,
            91,
            92,
            93,
            94,
            95,
            109,
            141,
            151,
            176,
            178,
            185,
            188,
            193,
            194,
            195,
            212,
            213,
            217,
            24,
            63,
            66,
            71,
            98,
            203,
        ]
    )
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng) -> str:
    if rng.random() < 0.15:
        return "fe80::" + ":".join(f"{rng.randint(0, 0xFFFF):x}" for _ in range(4))
    head = rng.choice(
        [
            ("2001", "db8"),
            ("2a02", "810d"),
            ("2a01", "4f8"),
            ("2001", "1620"),
            ("2a00", "1450"),
            ("2600", "1700"),
            ("2a03", "2880"),
            ("2804", "14c"),
            ("2400", "cb00"),
            ("2a0a", "a541"),
        ]
    )
    groups = list(head) + [f"{rng.randint(0, 0xFFFF):x}" for _ in range(6)]
    if rng.random() < 0.6:
        i = rng.randint(2, 4)
        n = rng.randint(2, 3)
        return ":".join(groups[:i]) + "::" + ":".join(groups[i + n :])
    return ":".join(groups)


# ----------------------------------------------------------------------------------------------------
# national identifiers (structure and check digits as each country defines them)
# ----------------------------------------------------------------------------------------------------

# fmt: off
VERHOEFF_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
              [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
              [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
              [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
# fmt: on
# fmt: off
VERHOEFF_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
              [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
              [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
# fmt: on
VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]

# fmt: off
CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8,
                   12, 14, 16, 10, 22, 25, 24, 23]))
# fmt: on
# fmt: off
CURP_STATES = {"CDMX": "DF", "Jalisco": "JC", "Nuevo León": "NL", "Puebla": "PL", "Oaxaca": "OC", "Yucatán": "YN",
               "Querétaro": "QT", "Guanajuato": "GT", "Quintana Roo": "QR", "Guerrero": "GR",
               "Baja California": "BC", "Hidalgo": "HG", "Michoacán": "MN", "Estado de México": "MC",
               "Zacatecas": "ZS"}
# fmt: on


def _wsum(ds, ws):
    return sum(int(a) * b for a, b in zip(ds, ws))


def nid_us(rng, p):
    area = rng.choice([x for x in range(1, 900) if x != 666])
    v = f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
    return v, "US_SSN", rng.choice(["SSN", "Social Security No.", "SSN"])


def nid_gb(rng, p):
    if rng.random() < 0.55:
        while True:
            a, b = rng.choice("ABCEGHJKLMNOPRSTWXYZ"), rng.choice("ABCEGHJKLMNPRSTWXYZ")
            if a + b not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
                break
        d = digits(rng, 6)
        suf = rng.choice("ABCD")
        v = rng.choice([f"{a}{b} {d[:2]} {d[2:4]} {d[4:]} {suf}", f"{a}{b}{d}{suf}"])
        return v, "NATIONAL_ID", rng.choice(["National Insurance number", "NI number", "NINO"])
    while True:
        d = digits(rng, 9)
        c = 11 - _wsum(d, range(10, 1, -1)) % 11
        c = 0 if c == 11 else c
        if c != 10:
            break
    n = d + str(c)
    return f"{n[:3]} {n[3:6]} {n[6:]}", "NATIONAL_ID", "NHS number"


def nid_ie(rng, p):
    d = digits(rng, 7)
    letter = "WABCDEFGHIJKLMNOPQRSTUV"[_wsum(d, range(8, 1, -1)) % 23]
    return d + letter, "NATIONAL_ID", rng.choice(["PPS number", "PPSN"])


def nid_au(rng, p):
    while True:
        d = digits(rng, 8)
        x = _wsum(d, [1, 4, 3, 7, 5, 8, 6, 9]) % 11
        if x <= 9:
            n = d + str(x)
            break
    return f"{n[:3]} {n[3:6]} {n[6:]}", "NATIONAL_ID", rng.choice(["TFN", "Tax file number"])


def nid_ca(rng, p):
    d = str(rng.randint(1, 7)) + digits(rng, 7)
    n = d + luhn_digit(d)
    sep = rng.choice([" ", "-"])
    return f"{n[:3]}{sep}{n[3:6]}{sep}{n[6:]}", "NATIONAL_ID", rng.choice(["SIN", "Social Insurance Number"])


def nid_in(rng, p):
    if rng.random() < 0.6:
        d = str(rng.randint(2, 9)) + digits(rng, 10)
        c = 0
        for i, ch in enumerate(reversed(d)):
            c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][int(ch)]]
        n = d + str(VERHOEFF_INV[c])
        return f"{n[:4]} {n[4:8]} {n[8:]}", "NATIONAL_ID", rng.choice(["Aadhaar", "Aadhaar no."])
    s = ascii_fold(p.surname).upper()
    v = letters(rng, 3, UPPER) + "P" + s[0] + digits(rng, 4) + letters(rng, 1, UPPER)
    return v, "NATIONAL_ID", "PAN"


def nid_de(rng, p):
    d = str(rng.randint(1, 9)) + digits(rng, 9)
    product = 10
    for ch in d:
        s = (int(ch) + product) % 10
        s = 10 if s == 0 else s
        product = (s * 2) % 11
    c = 11 - product
    n = d + str(0 if c == 10 else c)
    v = rng.choice([n, f"{n[:2]} {n[2:5]} {n[5:8]} {n[8:]}"])
    return v, "NATIONAL_ID", rng.choice(["Steuer-ID", "tax ID (Steuer-ID)"])


def nid_at(rng, p):
    y, m, dd = p.dob
    birth = f"{dd:02d}{m:02d}{y % 100:02d}"
    while True:
        n = str(rng.randint(1, 9)) + digits(rng, 2)
        c = _wsum(n + birth, [3, 7, 9, 5, 8, 4, 2, 1, 6]) % 11
        if c != 10:
            break
    return f"{n}{c} {birth}", "NATIONAL_ID", rng.choice(["SV-Nummer", "social insurance no."])


def nid_ch(rng, p):
    d = "756" + digits(rng, 9)
    s = sum(int(ch) * (1 if i % 2 == 0 else 3) for i, ch in enumerate(d))
    n = d + str((10 - s % 10) % 10)
    return f"{n[:3]}.{n[3:7]}.{n[7:11]}.{n[11:]}", "NATIONAL_ID", rng.choice(["AHV number", "AHV-Nr."])


def nid_fr(rng, p):
    y, m, _ = p.dob
    dept = rng.choice([x for x in range(1, 96) if x != 20])
    base = (
        f"{1 if p.gender == 'M' else 2}{y % 100:02d}{m:02d}{dept:02d}{rng.randint(1, 990):03d}{rng.randint(1, 999):03d}"
    )
    key = 97 - int(base) % 97
    v = rng.choice(
        [f"{base[0]} {base[1:3]} {base[3:5]} {base[5:7]} {base[7:10]} {base[10:13]} {key:02d}", f"{base}{key:02d}"]
    )
    return v, "NATIONAL_ID", rng.choice(["social security number", "numéro de sécurité sociale"])


def nid_es(rng, p):
    table = "TRWAGMYFPDXBNJZSQVHLCKE"
    if rng.random() < 0.75:
        n = digits(rng, 8)
        v = n + rng.choice(["", "", "-"]) + table[int(n) % 23]
        return v, "NATIONAL_ID", "DNI"
    k = rng.randint(0, 2)
    n = digits(rng, 7)
    return "XYZ"[k] + n + table[int(str(k) + n) % 23], "NATIONAL_ID", "NIE"


def nid_mx(rng, p):
    chars = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
    given = ascii_fold(p.given).upper().split()
    g = given[1] if len(given) > 1 and given[0] in ("JOSE", "MARIA") else given[0]
    fams = ascii_fold(p.family).upper().split()
    pat, mat = fams[0], (fams[1] if len(fams) > 1 else "X")

    def vowel(s):
        return next((c for c in s[1:] if c in "AEIOU"), "X")

    def cons(s):
        return next((c for c in s[1:] if c.isalpha() and c not in "AEIOU"), "X")

    y, m, d = p.dob
    state = CURP_STATES[rng.choice(list(CURP_STATES))]
    body = (
        pat[0]
        + vowel(pat)
        + mat[0]
        + g[0]
        + f"{y % 100:02d}{m:02d}{d:02d}"
        + ("M" if p.gender == "F" else "H")
        + state
        + cons(pat)
        + cons(mat)
        + cons(g)
        + (str(rng.randint(0, 9)) if y < 2000 else rng.choice(UPPER))
    )
    s = sum(chars.index(c) * (18 - i) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10), "NATIONAL_ID", "CURP"


def nid_br(rng, p):
    d = [rng.randint(0, 9) for _ in range(9)]
    for k in (10, 11):
        r = sum(x * (k - i) for i, x in enumerate(d)) % 11
        d.append(0 if r < 2 else 11 - r)
    n = "".join(map(str, d))
    return rng.choice([f"{n[:3]}.{n[3:6]}.{n[6:9]}-{n[9:]}", n]), "NATIONAL_ID", "CPF"


def nid_pt(rng, p):
    d = str(rng.randint(1, 3)) + digits(rng, 7)
    c = 11 - _wsum(d, range(9, 1, -1)) % 11
    n = d + str(0 if c >= 10 else c)
    return rng.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}"]), "NATIONAL_ID", rng.choice(["NIF", "tax number (NIF)"])


def nid_it(rng, p):
    def code(s, given):
        s = re.sub(r"[^A-Z]", "", ascii_fold(s).upper())
        cons = [c for c in s if c not in "AEIOU"]
        vows = [c for c in s if c in "AEIOU"]
        if given and len(cons) >= 4:
            return cons[0] + cons[2] + cons[3]
        return "".join(cons + vows + ["X", "X", "X"])[:3]

    y, m, d = p.dob
    body = (
        code(p.family, False)
        + code(p.given, True)
        + f"{y % 100:02d}"
        + "ABCDEHLMPRST"[m - 1]
        + f"{d + (40 if p.gender == 'F' else 0):02d}"
        + rng.choice(
            ["H501", "F205", "F839", "L219", "D612", "A944", "L736", "G273", "D969", "A662", "L781", "E506", "F052"]
        )
    )
    total = 0
    for i, c in enumerate(body):
        total += CF_ODD[c] if i % 2 == 0 else (int(c) if c.isdigit() else ord(c) - 65)
    return body + chr(65 + total % 26), "NATIONAL_ID", "codice fiscale"


def nid_nl(rng, p):
    while True:
        d = str(rng.randint(1, 9)) + digits(rng, 7)
        c = _wsum(d, range(9, 1, -1)) % 11
        if c != 10:
            break
    n = d + str(c)
    return rng.choice([n, f"{n[:4]}.{n[4:6]}.{n[6:]}"]), "NATIONAL_ID", "BSN"


def nid_pl(rng, p):
    y, m, d = p.dob
    mm = m + (20 if y >= 2000 else 0)
    s = (
        f"{y % 100:02d}{mm:02d}{d:02d}"
        + digits(rng, 3)
        + str(rng.choice([0, 2, 4, 6, 8] if p.gender == "F" else [1, 3, 5, 7, 9]))
    )
    return s + str((10 - _wsum(s, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10) % 10), "NATIONAL_ID", "PESEL"


def nid_cz(rng, p):
    y, m, d = p.dob
    while True:
        s = f"{y % 100:02d}{m + (50 if p.gender == 'F' else 0):02d}{d:02d}" + digits(rng, 3)
        c = int(s) % 11
        if c != 10:
            break
    n = s + str(c)
    return (
        rng.choice([f"{n[:6]}/{n[6:]}", f"{n[:6]}/{n[6:]}", n]),
        "NATIONAL_ID",
        rng.choice(["birth number", "rodné číslo"]),
    )


def nid_se(rng, p):
    y, m, d = p.dob
    body = (
        f"{y % 100:02d}{m:02d}{d:02d}"
        + digits(rng, 2)
        + str(rng.choice([1, 3, 5, 7, 9] if p.gender == "M" else [0, 2, 4, 6, 8]))
    )
    n = body + luhn_digit(body)
    return rng.choice([f"{n[:6]}-{n[6:]}", f"{y // 100}{n[:6]}-{n[6:]}"]), "NATIONAL_ID", "personnummer"


def nid_dk(rng, p):
    y, m, d = p.dob
    serial = digits(rng, 3) + str(rng.choice([1, 3, 5, 7, 9] if p.gender == "M" else [0, 2, 4, 6, 8]))
    return f"{d:02d}{m:02d}{y % 100:02d}-{serial}", "NATIONAL_ID", rng.choice(["CPR number", "CPR-nr."])


def nid_no(rng, p):
    y, m, d = p.dob
    while True:
        lo, hi = (0, 499) if y < 2000 else (500, 999)
        ind = rng.randint(lo, hi)
        if (ind % 2 == 0) != (p.gender == "F"):
            continue
        s = f"{d:02d}{m:02d}{y % 100:02d}{ind:03d}"
        k1 = 11 - _wsum(s, [3, 7, 6, 1, 8, 9, 4, 5, 2]) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        s += str(k1)
        k2 = 11 - _wsum(s, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 != 10:
            return s + str(k2), "NATIONAL_ID", rng.choice(["fødselsnummer", "national identity number"])


def nid_fi(rng, p):
    y, m, d = p.dob
    ind = rng.randint(2, 899)
    if (ind % 2 == 1) != (p.gender == "M"):
        ind += 1
    base = f"{d:02d}{m:02d}{y % 100:02d}"
    c = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(base + f"{ind:03d}") % 31]
    return (
        f"{base}{'-' if y < 2000 else 'A'}{ind:03d}{c}",
        "NATIONAL_ID",
        rng.choice(["henkilötunnus", "personal identity code"]),
    )


def nid_hu(rng, p):
    d = digits(rng, 8)
    c = sum(int(x) * (3 if i % 2 == 0 else 7) for i, x in enumerate(d)) % 10
    n = d + str(c)
    return rng.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n]), "NATIONAL_ID", rng.choice(["TAJ number", "TAJ szám"])


def nid_ro(rng, p):
    y, m, d = p.dob
    sx = (1 if p.gender == "M" else 2) + (4 if y >= 2000 else 0)
    county = rng.choice(list(range(1, 47)) + [51, 52])
    s = f"{sx}{y % 100:02d}{m:02d}{d:02d}{county:02d}{rng.randint(1, 999):03d}"
    c = _wsum(s, [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11
    return s + str(1 if c == 10 else c), "NATIONAL_ID", "CNP"


def nid_tr(rng, p):
    d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
    d.append(((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10)
    d.append(sum(d) % 10)
    return "".join(map(str, d)), "NATIONAL_ID", rng.choice(["T.C. Kimlik No", "TC identity no."])


NID = {
    "us": nid_us,
    "gb": nid_gb,
    "ie": nid_ie,
    "au": nid_au,
    "ca": nid_ca,
    "in": nid_in,
    "de": nid_de,
    "at": nid_at,
    "ch": nid_ch,
    "fr": nid_fr,
    "es": nid_es,
    "mx": nid_mx,
    "br": nid_br,
    "pt": nid_pt,
    "it": nid_it,
    "nl": nid_nl,
    "pl": nid_pl,
    "cz": nid_cz,
    "se": nid_se,
    "dk": nid_dk,
    "no": nid_no,
    "fi": nid_fi,
    "hu": nid_hu,
    "ro": nid_ro,
    "tr": nid_tr,
}


# ----------------------------------------------------------------------------------------------------
# entities
# ----------------------------------------------------------------------------------------------------


class Person:
    def __init__(self, E, gender=None):
        rng, L = E.rng, E.L
        self.L = L
        self.gender = gender or rng.choice("FM")
        self.given = rng.choice(L.female if self.gender == "F" else L.male)
        i = 0 if self.gender == "M" else 1
        fam1 = rng.choice(L.family_pairs)[i]
        if rng.random() < L.two_surnames:
            fam2 = rng.choice([f for f in L.family_pairs if f[i] != fam1])[i]
            self.family = f"{fam1} {fam2}"
            self.surname = fam1 if L.surname_main == "first" else fam2
        else:
            self.family = self.surname = fam1
        self.eastern = rng.random() < L.eastern
        y = rng.randint(1956, 2004)
        self.dob = (y, rng.randint(1, 12), rng.randint(1, 28))
        self._nid = None

    @property
    def full(self):
        return f"{self.family} {self.given}" if self.eastern else f"{self.given} {self.family}"

    @property
    def last_first(self):
        return f"{self.family}, {self.given}"

    @property
    def initial(self):
        return f"{self.given[0]}. {self.family}"

    @property
    def airline(self):
        return (
            re.sub(r"[^A-Z]", "", ascii_fold(self.family).upper())
            + "/"
            + re.sub(r"[^A-Z]", "", ascii_fold(self.given).upper())
        )

    @property
    def he(self):
        return "she" if self.gender == "F" else "he"

    @property
    def his(self):
        return "her" if self.gender == "F" else "his"

    def honorific(self, rng, local=0.35):
        loc = self.L.r["tit_f"] if self.gender == "F" else self.L.r["tit_m"]
        if loc and rng.random() < local:
            return loc
        t = rng.choice(["Ms", "Ms", "Mrs"]) if self.gender == "F" else "Mr"
        return t + "." if self.L.r["period"] else t

    def doctor(self, rng):
        return rng.choice(self.L.academic)

    def airline_title(self):
        return "MS" if self.gender == "F" else "MR"


class Org:
    def __init__(self, name, base, domain, kind):
        self.name, self.base, self.domain, self.kind = name, base, domain, kind


class Address:
    def __init__(self, L, street, unit, extra, city_lines, city, pc):
        self.L, self.street, self.unit, self.extra, self.city_lines, self.city, self.pc = (
            L,
            street,
            unit,
            extra,
            city_lines,
            city,
            pc,
        )
        self.unit_sep = L.r["unit_sep"]
        self.unit_before = L.r["unit_before"]

    def street_parts(self, with_unit=True):
        if self.unit and with_unit:
            v = (
                f"{self.unit}{self.unit_sep}{self.street}"
                if self.unit_before
                else f"{self.street}{self.unit_sep}{self.unit}"
            )
            return [STR(v)]
        return [STR(self.street)]

    def country_name(self, kind):
        return {"en": self.L.country, "local": self.L.country_local, "caps": self.L.country.upper()}[kind]

    def lines(self, unit="own", country="en"):
        out = []
        if self.unit and unit == "own":
            if self.unit_before:
                out += [[STR(self.unit)], [STR(self.street)]]
            else:
                out += [[STR(self.street)], [STR(self.unit)]]
        else:
            out.append(self.street_parts(unit == "same"))
        out += self.extra + self.city_lines
        if country:
            out.append([LOC(self.country_name(country))])
        return out

    def block(self, unit="own", country="en", upper=False, indent=""):
        parts = joined([[indent] + ln for ln in self.lines(unit, country)], "\n")
        return caps(parts) if upper else parts

    def oneline(self, country="en", unit=True, upper=False, sep=", "):
        lines = [self.street_parts(unit)] + self.extra + self.city_lines
        if country:
            lines.append([LOC(self.country_name(country))])
        parts = joined(lines, sep)
        return caps(parts) if upper else parts

    def city_line(self):
        """Only the postcode/city line(s), joined with ', '."""
        return joined(self.city_lines, ", ")


def street_line(E, s):
    rng, L = E.rng, E.L
    st = L.r["street_style"]
    n = rng.randint(1, 120)
    if st == "us":
        return f"{rng.randint(10, 9899)} {s}", True
    if st == "gb":
        return f"{rng.randint(1, 240)}{rng.choice(['', '', '', 'a'])} {s}", True
    if st == "au":
        if rng.random() < 0.3:
            return f"{rng.randint(1, 24)}/{rng.randint(1, 180)} {s}", False
        return f"{rng.randint(1, 400)} {s}", True
    if st == "ca":
        num = rng.randint(10, 4999)
        if s.startswith("Rue "):
            return f"{num}, rue {s[4:]}", True
        return f"{num} {s}", True
    if st == "in":
        return rng.choice([f"No. {n}, {s}", f"{n}, {s}", f"{n}/{rng.randint(1, 9)}, {s}"]), True
    if st == "de":
        return f"{s} {n}{rng.choice(['', '', '', 'a', 'b'])}", True
    if st == "at":
        if rng.random() < 0.4:
            return f"{s} {n}/{rng.randint(1, 4)}/{rng.randint(1, 24)}", False
        return f"{s} {n}", True
    if st == "fr":
        return rng.choice([f"{n} {s}", f"{n} bis, {s}", f"{n}, {s}", f"{n} {s}"]), True
    if st == "es":
        if s.startswith("Calle ") and rng.random() < 0.35:
            return f"C/ {s[6:]}, {n}", True
        return rng.choice([f"{s} {n}", f"{s}, {n}"]), True
    if st == "mx":
        return rng.choice([f"{s} {n * 7}", f"{s} No. {n * 7}", f"{s} #{n * 7}"]), True
    if st == "br":
        return rng.choice([f"{s}, {n * 13}", f"{s}, nº {n * 13}"]), True
    if st == "pt":
        return rng.choice([f"{s} {n}", f"{s}, {n}", f"{s}, n.º {n}"]), True
    if st == "it":
        return rng.choice([f"{s} {n}", f"{s}, {n}", f"{s} {n}/{rng.choice('ABC')}"]), True
    if st == "nl":
        return rng.choice(
            [
                f"{s} {n}",
                f"{s} {n}{rng.choice('ABC')}",
                f"{s} {n}-{rng.choice(['I', 'II', 'III', 'hs'])}",
                f"{s} {n} bis",
            ]
        ), True
    if st == "pl":
        if rng.random() < 0.35:
            return f"{s} {n}/{rng.randint(1, 60)}", False
        return rng.choice([f"{s} {n}", f"{s} {n}{rng.choice('ab')}"]), True
    if st == "cz":
        if rng.random() < 0.6:
            return f"{s} {rng.randint(100, 2999)}/{n}", True
        return f"{s} {n}", True
    if st == "nordic":
        return rng.choice([f"{s} {n}", f"{s} {n}", f"{s} {n}{rng.choice('ABC')}"]), True
    if st == "fi":
        if rng.random() < 0.4:
            return f"{s} {n} {rng.choice('ABCD')} {rng.randint(1, 60)}", False
        return f"{s} {n}", True
    if st == "hu":
        return rng.choice([f"{s} {n}.", f"{s} {n}"]), True
    if st == "ro":
        return rng.choice([f"{s} nr. {n}", f"{s} {n}"]), True
    if st == "tr":
        if rng.random() < 0.5:
            return f"{rng.choice(lst(L.r['mahalle']))} Mah. {s} No: {n}", True
        return rng.choice([f"{s} No: {n}", f"{s} No:{n}", f"{s} No. {n}"]), True
    raise ValueError(st)


def make_pc(rng, L, c):
    pat = L.r["pc_pattern"]
    lets = L.r.get("pc_letters", "ABDEFGHJLNPQRSTUWXYZ")
    prefix = rng.choice(c.prefixes)
    if pat.startswith("P"):
        return prefix + fill(rng, pat[1:], lets)
    out, k = [], 0
    for ch in pat:
        if ch == "#":
            out.append(prefix[k] if k < len(prefix) else str(rng.randint(0, 9)))
            k += 1
        elif ch in "LX":
            out.append(fill(rng, ch, lets))
        else:
            out.append(ch)
    pc = "".join(out)
    if L.code == "en_US" and rng.random() < 0.25:
        pc += "-" + digits(rng, 4)
    if L.code == "en_IN" and rng.random() < 0.2:
        pc = pc[:3] + " " + pc[3:]
    return pc


def city_lines(E, c, pc):
    rng, L = E.rng, E.L
    st = L.r["city_style"]
    extra = []
    if st == "us":
        lines = [[LOC(c.name), ", ", LOC(c.region), " ", PC(pc)]]
    elif st == "gb":
        lines = [[LOC(c.name)]]
        if c.region and rng.random() < 0.5:
            lines.append([LOC(c.region)])
        lines.append([PC(pc)])
    elif st == "ie":
        lines = [[LOC(c.name)]]
        if c.region != c.name:
            lines.append(["Co. ", LOC(c.region)])
        lines.append([PC(pc)])
    elif st == "au":
        lines = [[LOC(c.name), " ", LOC(c.region), " ", PC(pc)]]
    elif st == "ca":
        lines = [[LOC(c.name), " ", LOC(c.region), rng.choice(["  ", " "]), PC(pc)]]
    elif st == "in":
        if c.extras:
            extra = [[LOC(rng.choice(c.extras))]]
        lines = [[LOC(c.name), rng.choice([" - ", " ", "-"]), PC(pc)], [LOC(c.region)]]
    elif st == "eu":
        lines = [[PC(pc), " ", LOC(c.name)]]
    elif st == "es":
        lines = [[PC(pc), " ", LOC(c.name)] + ([" (", LOC(c.region), ")"] if c.region != c.name else [])]
    elif st == "it":
        lines = [[PC(pc), " ", LOC(c.name)] + rng.choice([[" (", LOC(c.region), ")"], [" ", LOC(c.region)]])]
    elif st == "mx":
        extra = [["Col. ", LOC(rng.choice(c.extras))]]
        lines = rng.choice(
            [
                [["C.P. ", PC(pc), " ", LOC(c.name), ", ", LOC(c.region)]],
                [[LOC(c.name), ", ", LOC(c.region)], ["C.P. ", PC(pc)]],
                [[PC(pc), " ", LOC(c.name), ", ", LOC(c.region)]],
            ]
        )
    elif st == "br":
        extra = [[LOC(rng.choice(c.extras))]]
        lines = rng.choice(
            [
                [[LOC(c.name), " - ", LOC(c.region)], ["CEP ", PC(pc)]],
                [[PC(pc), " ", LOC(c.name), "/", LOC(c.region)]],
                [[LOC(c.name), "/", LOC(c.region)], [PC(pc)]],
            ]
        )
    elif st == "ro":
        tail = [", jud. ", LOC(c.region)] if c.region != c.name and rng.random() < 0.5 else []
        lines = [[PC(pc), " ", LOC(c.name)] + tail]
    elif st == "tr":
        lines = [[PC(pc), " ", LOC(c.name), rng.choice(["/", " / "]), LOC(c.region)]]
    else:
        raise ValueError(st)
    return extra, lines


NEEDS_AREA = {"nat_hyphen", "nat_dash_all", "nat_dash_area", "paren", "paren_sp", "slash", "area_sp_hyph", "intl_paren"}


def render_phone(L, area, groups, style):
    cc, tr, ts = L.r["cc"], L.r["trunk"], L.r["tsep"]
    nat_area = (tr + ts + area) if area else ""
    head = [nat_area] if area else []
    if style == "nat":
        return " ".join(head + groups)
    if style == "nat_hyphen":
        return nat_area + "-" + " ".join(groups)
    if style == "nat_dash_all":
        return "-".join(head + groups)
    if style == "nat_dash_area":
        return nat_area + "-" + "".join(groups)
    if style == "paren":
        return f"({nat_area}) " + "-".join(groups)
    if style == "paren_sp":
        return f"({nat_area}) " + " ".join(groups)
    if style == "slash":
        return nat_area + "/" + " ".join(groups)
    if style == "dots":
        return ".".join(head + groups)
    if style == "area_sp_hyph":
        return area + " " + "-".join(groups)
    if style == "intl":
        return f"+{cc} " + " ".join(([area] if area else []) + groups)
    if style == "intl00":
        return f"00{cc} " + " ".join(([area] if area else []) + groups)
    if style == "intl_trunk":
        return f"+{cc} ({tr}){area} " + " ".join(groups)
    if style == "intl_paren":
        return f"+{cc} ({area}) " + "-".join(groups)
    if style == "intl_hyph":
        return f"+{cc}-" + "-".join(([area] if area else []) + groups)
    if style == "bare":
        return (tr + area + "".join(groups)) if area else "".join(groups)
    raise ValueError(style)


ROLE_BOXES = ["info", "office", "contact", "hello", "support", "sales", "accounts", "service", "bookings", "reception"]
# fmt: off
LOCAL_BOXES = {"pl_PL": ["biuro", "kontakt"], "de_DE": ["kontakt", "buchhaltung"], "de_AT": ["office", "kontakt"],
               "de_CH": ["kontakt"], "fr_FR": ["contact", "accueil"], "es_ES": ["contacto", "reservas"],
               "es_MX": ["contacto", "ventas"], "pt_BR": ["contato", "atendimento"], "pt_PT": ["geral", "contacto"],
               "it_IT": ["info", "amministrazione"], "nl_NL": ["info", "klantenservice"], "cs_CZ": ["kontakt", "obchod"],
               "sv_SE": ["info", "kundtjanst"], "da_DK": ["kontakt", "salg"], "nb_NO": ["post", "kundeservice"],
               "fi_FI": ["asiakaspalvelu", "myynti"], "hu_HU": ["iroda", "ugyfelszolgalat"], "ro_RO": ["contact", "office"],
               "tr_TR": ["iletisim", "destek"]}
# fmt: on


class Ctx:
    """One document's generators for one locale; keeps names unique inside the document."""

    def __init__(self, rng, L, shared=None):
        self.rng, self.L = rng, L
        self.used = shared if shared is not None else set()

    def other(self):
        code = self.rng.choice([c for c in LOCALE_CODES if c != self.L.code])
        return Ctx(self.rng, LOCALES[code], self.used)

    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    # people and organisations ----------------------------------------------------------------------
    def person(self, gender=None):
        for _ in range(200):
            p = Person(self, gender)
            keys = {("g", p.given), ("s", p.surname), ("f", p.family)}
            if not keys & self.used:
                self.used |= keys
                return p
        raise RuntimeError("name pool exhausted")

    def org(self, kinds="cs", suffix=None):
        rng, L = self.rng, self.L
        pool = [o for o in L.orgs if o[0] in kinds]
        for _ in range(100):
            kind, pat = rng.choice(pool)
            s1, s2 = rng.sample([f[0] for f in L.family_pairs], 2)
            base = pat.replace("{S}", s1).replace("{S2}", s2).replace("{C}", rng.choice(L.cities).name)
            if ("o", base) in self.used or ("s", s1) in self.used:
                continue
            self.used.add(("o", base))
            name = base
            if kind in "cs" and (suffix is True or (suffix is None and rng.random() < 0.45)):
                sfx = rng.choice(L.suffixes)
                name = base + sfx if sfx.startswith(",") else f"{base} {sfx}"
            sl = slug(base, rng.choice(["-", "-", ""]))
            if len(sl) > 26:
                sl = "-".join(slug(base).split("-")[:2])
            return Org(name, base, f"{sl}.{L.r['tld']}", kind)
        raise RuntimeError("org pool exhausted")

    def org_named(self, base, suffix=None):
        self.used.add(("o", base))
        name = base if not suffix else (base + suffix if suffix.startswith(",") else f"{base} {suffix}")
        return Org(name, base, f"{slug(base)}.{self.L.r['tld']}", "c")

    def carrier(self):
        return self.pick(self.L.carriers)

    # places -----------------------------------------------------------------------------------------
    def city(self):
        return self.pick(self.L.cities)

    def address(self, city=None, unit_p=0.5, po_box=False):
        rng, L = self.rng, self.L
        c = city or self.city()
        if po_box:
            street, unit_ok = ufill(rng, rng.choice(L.po_boxes)), False
        else:
            street, unit_ok = street_line(self, rng.choice(L.streets))
        unit = ufill(rng, rng.choice(L.units)) if unit_ok and rng.random() < unit_p else None
        pc = make_pc(rng, L, c)
        extra, lines = city_lines(self, c, pc)
        return Address(L, street, unit, extra, lines, c, pc)

    def unit(self):
        return ufill(self.rng, self.pick(self.L.units))

    def country(self, kind="en"):
        return LOC({"en": self.L.country, "local": self.L.country_local, "caps": self.L.country.upper()}[kind])

    def in_country(self):
        return (["the "] if self.L.country_the else []) + [self.country()]

    # contact ----------------------------------------------------------------------------------------
    def phone(self, kind="any", style=None):
        rng, L = self.rng, self.L
        entries = L.land if kind == "land" else L.mob if kind == "mobile" else L.land + L.mob
        if style in ("paren", "paren_sp") and kind == "any":
            entries = L.land
        area_pat, grp = rng.choice(entries)
        area = fill(rng, area_pat)
        groups = fill(rng, grp).split(" ")
        style = style or rng.choice(L.styles)
        if not area and style in NEEDS_AREA:
            style = rng.choice(["nat", "intl"])
        if style == "intl_trunk" and not L.r["trunk"]:
            style = "intl"
        return render_phone(L, area, groups, style)

    def email(self, p, org=None):
        rng = self.rng
        g = slug(p.given.split()[0], "")
        f = slug(p.surname, "")
        if org is not None:
            local = rng.choice([f"{g}.{f}", f"{g}.{f}", f"{g[0]}.{f}", f"{g}", f"{g[0]}{f}"])
            return f"{local}@{org.domain}"
        local = rng.choice(
            [
                f"{g}.{f}",
                f"{g[0]}.{f}",
                f"{g}{f}",
                f"{f}.{g}",
                f"{g}_{f}",
                f"{g}.{f}{rng.randint(1, 99)}",
                f"{g[0]}{f}",
                f"{g}{rng.randint(70, 99)}",
            ]
        )
        return f"{local}@{rng.choice(self.L.mail)}"

    def role_email(self, org):
        box = self.pick(ROLE_BOXES + LOCAL_BOXES.get(self.L.code, []))
        return f"{box}@{org.domain}"

    def url(self, org, path=None):
        rng, d = self.rng, org.domain
        if path:
            return rng.choice([f"https://www.{d}/{path}", f"https://{d}/{path}"])
        return rng.choice(
            [
                f"https://www.{d}",
                f"https://{d}/contact",
                f"www.{d}",
                f"http://www.{d}",
                f"https://{d}",
                f"https://www.{d}/en/",
                f"www.{d}/contact",
            ]
        )

    def linkedin(self, p):
        return f"https://www.linkedin.com/in/{slug(p.given)}-{slug(p.surname)}-{''.join(self.pick('0123456789abcdef') for _ in range(6))}"

    def personal_site(self, p):
        return f"{slug(p.given, '')}{slug(p.surname, '')}.{self.pick(['com', 'net', 'dev', 'io', self.L.r['tld']])}"

    # identifiers ------------------------------------------------------------------------------------
    def dob(self, p):
        return fmt_date(*p.dob, self.pick(self.L.dob_fmts))

    def natid(self, p):
        if p._nid is None:
            p._nid = NID[self.L.r["natid"]](self.rng, p)
        return p._nid

    def iban(self, grouped=None):
        spec = self.L.r["iban"]
        if spec is None:
            return None
        v = make_iban(self.rng, spec)
        grouped = self.chance(0.6) if grouped is None else grouped
        return group4(v) if grouped else v

    def card(self):
        return make_card(self.rng)

    # decoys -----------------------------------------------------------------------------------------
    def date(self, y0=2023, y1=2025, pat=None):
        rng = self.rng
        return fmt_date(rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28), pat or self.pick(self.L.date_fmts))

    def day(self):
        """'Tuesday, 14 May' style date with weekday (always correct for the year 2024)."""
        rng = self.rng
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        wd = WEEKDAYS[datetime.date(2024, m, d).weekday()]
        if self.L.code in ("en_US", "en_CA"):
            return f"{wd}, {MONTHS[m - 1]} {d}"
        return f"{wd}, {d} {MONTHS[m - 1]}"

    def weekday(self):
        return self.pick(WEEKDAYS[:5])

    def month(self):
        return self.pick(MONTHS)

    def time(self):
        return f"{self.rng.randint(7, 19):02d}:{self.pick(['00', '15', '30', '45', '10', '20', '40', '50'])}"

    def money(self, lo=5.0, hi=2500.0):
        rng, L = self.rng, self.L
        v = round(rng.uniform(lo, hi) * CUR_SCALE.get(L.code, 1.0), 2)
        pre, suf, th, dec = L.r["cur"].split("|")
        whole, frac = f"{v:.2f}".split(".")
        if L.code == "en_IN" and len(whole) > 3:
            head, tail = whole[:-3], whole[-3:]
            parts = []
            while len(head) > 2:
                parts.insert(0, head[-2:])
                head = head[:-2]
            if head:
                parts.insert(0, head)
            whole = ",".join(parts + [tail])
        else:
            whole = f"{int(whole):,}".replace(",", th)
        if L.code == "hu_HU":
            return f"{pre}{whole}{suf}"
        return f"{pre}{whole}{dec}{frac}{suf}"

    def pct(self):
        return self.pick(
            [f"{self.rng.randint(2, 40)}%", f"{self.rng.randint(1, 19)}.5%", f"{self.rng.randint(2, 30)} %"]
        )

    def order_no(self):
        rng = self.rng
        return self.pick(
            [
                f"ORD-{rng.randint(2023, 2025)}-{digits(rng, 6)}",
                f"#{digits(rng, 7)}",
                f"SO{digits(rng, 8)}",
                f"{digits(rng, 3)}-{digits(rng, 7)}-{digits(rng, 7)}",
                f"WEB-{digits(rng, 5)}",
            ]
        )

    def invoice_no(self):
        rng = self.rng
        y = rng.randint(2023, 2025)
        return self.pick(
            [
                f"INV-{y}-{digits(rng, 4)}",
                f"FV/{y}/{rng.randint(1, 12):02d}/{digits(rng, 4)}",
                f"RE-{y}-{digits(rng, 4)}",
                f"F{y}-{digits(rng, 5)}",
                f"{y}/{digits(rng, 5)}",
            ]
        )

    def ticket_no(self):
        rng = self.rng
        return self.pick(
            [
                f"#{digits(rng, 5)}",
                f"TCK-{digits(rng, 5)}",
                f"INC{digits(rng, 7)}",
                f"CS-{digits(rng, 4)}-{digits(rng, 2)}",
            ]
        )

    def tracking(self):
        rng = self.rng
        return self.pick(
            [
                f"00{digits(rng, 18)}",
                f"1Z{letters(rng, 3, UPPER)}{digits(rng, 3)}{letters(rng, 2, UPPER)}{digits(rng, 8)}",
                f"JJD{digits(rng, 16)}",
                f"LX{digits(rng, 9)}",
                f"{digits(rng, 12)}",
            ]
        )

    def sku(self):
        rng = self.rng
        return self.pick(
            [
                f"SKU {digits(rng, 2)}-{digits(rng, 4)}-{letters(rng, 1, UPPER)}",
                f"ART. {digits(rng, 6)}",
                f"EAN {digits(rng, 13)}",
                f"{letters(rng, 3, UPPER)}-{digits(rng, 5)}",
            ]
        )

    def ref(self, n=6):
        return letters(self.rng, n, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    def version(self):
        rng = self.rng
        return self.pick(
            [
                f"{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
                f"{rng.randint(1, 12)}.{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(1, 400)}",
                f"{rng.randint(2022, 2025)}.{rng.randint(1, 12):02d}.{rng.randint(1, 9)}",
            ]
        )

    def qty(self):
        rng = self.rng
        return self.pick(
            [
                f"{rng.randint(1, 48)} pcs",
                f"{rng.randint(2, 12)} x",
                f"{rng.randint(1, 30)}.{rng.randint(0, 9)} kg",
                f"{rng.randint(2, 9)} boxes",
                f"{rng.randint(2, 6)} pallets",
            ]
        )

    def product(self):
        return self.pick(PRODUCTS)

    def vat_id(self):
        rng, c = self.rng, self.L.code
        if c == "en_US":
            return f"EIN {digits(rng, 2)}-{digits(rng, 7)}"
        if c == "en_AU":
            return f"ABN {digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}"
        if c == "en_CA":
            return f"GST/HST no. {digits(rng, 9)} RT0001"
        if c == "en_IN":
            return f"GSTIN {rng.randint(10, 36)}{letters(rng, 5, UPPER)}{digits(rng, 4)}{letters(rng, 1, UPPER)}1Z{rng.randint(1, 9)}"
        if c == "es_MX":
            return f"RFC {letters(rng, 3, UPPER)}{digits(rng, 6)}{letters(rng, 3, 'ABCDEFGH123456789')}"
        if c == "pt_BR":
            return f"CNPJ {digits(rng, 2)}.{digits(rng, 3)}.{digits(rng, 3)}/0001-{digits(rng, 2)}"
        cc = {
            "en_GB": "GB",
            "en_IE": "IE",
            "de_DE": "DE",
            "de_AT": "ATU",
            "de_CH": "CHE-",
            "fr_FR": "FR",
            "es_ES": "ES",
            "pt_PT": "PT",
            "it_IT": "IT",
            "nl_NL": "NL",
            "pl_PL": "PL",
            "cs_CZ": "CZ",
            "sv_SE": "SE",
            "da_DK": "DK",
            "nb_NO": "NO",
            "fi_FI": "FI",
            "hu_HU": "HU",
            "ro_RO": "RO",
            "tr_TR": "TR",
        }[c]
        return f"VAT ID {cc}{digits(rng, 9 if c not in ('nl_NL', 'it_IT', 'fr_FR') else 11)}"

    def reg_no(self):
        rng, c = self.rng, self.L.code
        return {
            "de_DE": f"HRB {digits(rng, 5)}",
            "de_AT": f"FN {digits(rng, 6)}{letters(rng, 1, 'abdfghkmpstvwxyz')}",
            "pl_PL": f"KRS {digits(rng, 10)}",
            "en_GB": f"Company no. {digits(rng, 8)}",
            "fr_FR": f"RCS {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
            "nl_NL": f"KvK {digits(rng, 8)}",
            "it_IT": f"REA MI-{digits(rng, 7)}",
            "cs_CZ": f"IČO {digits(rng, 8)}",
        }.get(c, f"Reg. no. {digits(rng, 8)}")

    def bic(self):
        cc = self.L.r["iban"].split(":")[0] if self.L.r["iban"] else "US"
        return letters(self.rng, 4, UPPER) + cc + letters(self.rng, 2, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    def decoy(self):
        return self.pick(DECOYS).format(
            wd=self.weekday(),
            pct=self.pct(),
            date=self.date(),
            ver=self.version(),
            n=self.rng.randint(3, 30),
            month=self.month(),
            ref=self.ref(8),
            time=self.time(),
            sku=self.sku(),
            qty=self.qty(),
            amount=self.money(),
        )

    def job(self):
        return self.pick(JOBS)


# fmt: off
CUR_SCALE = {"hu_HU": 380.0, "en_IN": 85.0, "cs_CZ": 24.0, "sv_SE": 11.0, "nb_NO": 11.0, "da_DK": 7.0, "es_MX": 18.0,
             "pt_BR": 5.0, "tr_TR": 33.0, "pl_PL": 4.3, "ro_RO": 5.0}
# fmt: on
# fmt: off
PRODUCTS = ["ErgoDesk 140 standing desk", "AquaPure 3000 filter cartridge", "X200 dual-band router", "NovaBook 14 laptop",
            "TerraGrip hiking boots", "LumaLED 60x60 ceiling panel", "FlexiHose 25 m garden hose", "PowerCell 20000 power bank",
            "ThermoBrew 1.7 L kettle", "SoundWave S3 earbuds", "Comfort Pro office chair", "TN-2420 toner cartridge",
            "ClearView 27-inch monitor", "SwiftScan barcode reader", "OakLine bookshelf", "BrightPrint A4 paper (500 sheets)",
            "ProClean vacuum bags (pack of 10)", "Velo City helmet, size M", "AirFlow 2000 desk fan", "MaxiGrip work gloves",
            "HydroMax 5 L water tank", "SolarBeam 400 W panel", "Kettlebell 16 kg", "Duo espresso machine"]
# fmt: on
# fmt: off
JOBS = ["Sales Manager", "Office Manager", "Head of Procurement", "Customer Service Lead", "Project Engineer",
        "Accountant", "Operations Director", "HR Business Partner", "Senior Developer", "Practice Manager",
        "Logistics Coordinator", "Marketing Specialist", "Site Supervisor", "Data Analyst", "Quality Manager",
        "Managing Director", "Account Executive", "Legal Counsel", "Translator", "Physiotherapist"]
# fmt: on
# fmt: off
DECOYS = [
    "Will you confirm the delivery window by {wd}?",
    "Prices rose by {pct} compared with last quarter.",
    "May we remind you that the offer expires on {date}?",
    "Please mark the parcel as fragile.",
    "The bill of materials is attached (rev. {ver}).",
    "There is a grace period of {n} days for late payments.",
    "Frank feedback from the pilot group is welcome.",
    "We hope to ship version {ver} in {month}.",
    "Status stays amber until the audit on {date}.",
    "Sunny weather is forecast for {wd}, so the outdoor session goes ahead.",
    "Reference {ref} must appear on every page.",
    "Delivery slots on {wd} between {time} and 17:00 are still free.",
    "The warranty covers {n} months from the date of purchase.",
    "Item {sku} is back in stock ({qty}).",
    "Grant approval for phase 2 is still pending.",
    "Our summer hours apply from June to August.",
    "Bill and pay online in three easy steps.",
    "Rose-gold and silver finishes are available at no extra cost.",
    "Joy was the theme of this year's spring catalogue.",
    "The deposit of {amount} is refundable until {date}.",
    "Sales were up {pct} in {month}.",
    "Will the new price list apply from {date}?",
]
# fmt: on


# ----------------------------------------------------------------------------------------------------
# templates
# ----------------------------------------------------------------------------------------------------


class Template:
    def __init__(self, name, layout, pii, fn):
        self.name, self.layout, self.pii, self.fn = name, layout, pii, fn


TEMPLATES: list[Template] = []


def tpl(layout, pii=True):
    def deco(fn):
        TEMPLATES.append(Template(fn.__name__, layout, pii, fn))
        return fn

    return deco


class Clock:
    def __init__(self, E):
        self.rng = E.rng
        self.m = E.rng.randint(7, 20) * 60 + E.rng.randint(0, 50)

    def __call__(self):
        self.m += self.rng.randint(0, 2)
        return f"[{self.m // 60 % 24:02d}:{self.m % 60:02d}]"


# fmt: off
SERVICES = ["Boiler service and replacement of the pressure valve", "Annual chimney inspection",
            "Repair of washing machine (drum bearing)", "Window cleaning, 14 windows", "Garden maintenance, April",
            "Piano tuning", "Bicycle service (gears and brakes)", "Laptop screen replacement", "Carpet cleaning, 3 rooms",
            "Electrical safety inspection"]
# fmt: on
PROFILES = [
    "Reliable professional with a track record of delivering projects on time and under budget.",
    "Detail-oriented specialist who enjoys turning messy processes into simple checklists.",
    "Team player with experience in international, multilingual environments.",
    "Hands-on problem solver; led the rollout of a new ERP system across three sites.",
]
DEGREES = [
    "BSc Business Administration",
    "MSc Mechanical Engineering",
    "BA Modern Languages",
    "MA Economics",
    "Diploma in Logistics",
    "BSc Computer Science",
    "MSc Physiotherapy",
]
FIELDS = ["logistics", "retail", "software delivery", "public health", "manufacturing", "hospitality", "finance"]
# fmt: off
HANDLES = ["bikefan_88", "northern_light", "diy_dad", "kettle_queen", "GrumpyGnome", "throwaway2291", "sunset_rider",
           "old_sysadmin", "wanderlust_k", "quiet_reader"]
# fmt: on
PETS = ["Max", "Bella", "Luna", "Rocky", "Milo", "Coco", "Buddy", "Nala", "Pepper", "Biscuit"]
DEPTS = ["Finance", "Logistics", "Customer Service", "R&D", "Sales", "Facilities", "IT", "HR"]


def languages(E):
    lang = E.L.r["lang"]
    return "English (native), Spanish (B2)" if lang == "English" else f"English (C1), {lang} (native)"


# --- email signatures -------------------------------------------------------------------------------


@tpl("email_signature")
def sig_full(E, d):
    me, you = E.person(), E.person()
    org = E.org("cs")
    a = E.address(unit_p=0.4)
    d.w(
        "Hi ",
        PER(you.given),
        ",\n\n",
        f"Thanks for the quick turnaround on order {E.order_no()}. {E.decoy()} I will send the signed copy on {E.weekday()}.\n\n",
        E.pick(["Best regards,", "Kind regards,", "Regards,", "Many thanks,"]),
        "\n",
        PER(me.full),
        "\n",
        E.job(),
        "\n",
        ORG(org.name),
        "\n",
        a.block(unit="same", country=E.pick(["en", None])),
        "\n",
        "Tel. ",
        PH(E.phone("land")),
        " | Mobile: ",
        PH(E.phone("mobile")),
        "\n",
        EM(E.email(me, org)),
        "\n",
        URL(E.url(org)),
    )


@tpl("email_signature")
def sig_compact(E, d):
    me = E.person()
    org = E.org("csh")
    d.w(
        f"Sounds good, I have pencilled in {E.day()} at {E.time()}. Can you bring the {E.product()} samples? {E.decoy()}\n\n-- \n",
        PER(me.full),
        " | ",
        E.job(),
        ", ",
        ORG(org.name),
        " | ",
        PH(E.phone()),
        " | ",
        DOM(org.domain),
    )


@tpl("email_signature")
def sig_disclaimer(E, d):
    you, me = E.person(), E.person()
    org = E.org("c", suffix=True)
    a = E.address(unit_p=0.3)
    d.w(
        "Dear ",
        TIT(you.honorific(E.rng)),
        " ",
        PER(you.surname),
        ",\n\n",
        f"Please find attached quotation Q-{digits(E.rng, 5)}, valid until {E.date()}. {E.decoy()}\n\n",
        "Kind regards\n\n",
        PER(me.full),
        "\n",
        caps([ORG(org.name)]),
        "\n",
        "T ",
        PH(E.phone("land")),
        " · E ",
        EM(E.email(me, org)),
        "\n",
        "Registered office: ",
        a.oneline(country="en", unit=False),
        f". {E.reg_no()}. {E.vat_id()}.\n",
        "This e-mail and any attachments are confidential and intended solely for the addressee. If you have received "
        "it in error, please notify the sender and delete it.",
    )


@tpl("email_signature")
def sig_forwarded(E, d):
    a, b, c = E.person(), E.person(), E.person()
    org_a, org_c = E.org("cs"), E.org("cshe")
    d.w(
        "---------- Forwarded message ---------\nFrom: ",
        PER(a.full),
        " <",
        EM(E.email(a, org_a)),
        ">\n",
        f"Date: {E.day()} at {E.time()}\nSubject: Re: pallets for {E.order_no()}\nTo: ",
        PER(b.full),
        " <",
        EM(E.email(b)),
        ">\n\n",
        PER(b.given),
        ", could you ask ",
        TIT(c.honorific(E.rng)),
        " ",
        PER(c.surname),
        E.pick([" at ", " from "]),
        ORG(org_c.name),
        f" whether the {E.rng.randint(2, 9)} pallets can leave on {E.weekday()}? {E.decoy()}\n\nThanks,\n",
        PER(a.given),
        "\n\n",
        PER(a.full),
        "\n",
        ORG(org_a.name),
        " · ",
        LOC(E.city().name),
        ", ",
        E.country(),
        "\n",
        "Mobile: ",
        PH(E.phone("mobile", E.pick(["intl", "intl00"]))),
    )


@tpl("email_signature")
def sig_two_people(E, d):
    p1, p2 = E.person(), E.person()
    org = E.org("snre")
    a = E.address(unit_p=0.3)
    d.w(
        "Hello everyone,\n\n",
        f"Our summer market is on {E.day()} from {E.time()}. {E.decoy()} Volunteers please sign up by {E.date()}.\n\n",
        "Warm wishes,\n",
        PER(p1.full),
        " & ",
        PER(p2.full),
        "\n",
        ORG(org.name),
        "\n",
        a.block(unit="own", country=None),
        "\n",
        "Phone: ",
        PH(E.phone("land")),
        " (office) / ",
        PH(E.phone("mobile")),
        " (mobile)\n",
        EM(E.role_email(org)),
        " · ",
        URL(E.url(org)),
    )


# --- business letters -------------------------------------------------------------------------------


@tpl("business_letter")
def letter_block(E, d):
    sorg, sa = E.org("c"), E.address(unit_p=0.2)
    rp, rorg, ra = E.person(), E.org("c"), E.address(unit_p=0.9)
    me = E.person()
    t = rp.honorific(E.rng)
    d.w(
        ORG(sorg.name),
        "\n",
        sa.block(unit="same", country=None),
        "\nTel. ",
        PH(E.phone("land")),
        "  Fax: ",
        PH(E.phone("land")),
        "\n\n",
        LOC(sa.city.name),
        ", ",
        E.date(),
        "\n\n",
        TIT(t),
        " ",
        PER(rp.full),
        "\n",
        ORG(rorg.name),
        "\n",
        ra.block(unit="own", country=E.pick(["en", "local", "caps"])),
        "\n\n",
        f"Our ref.: {E.ref(8)}    Your ref.: {E.invoice_no()}\n\n",
        "Dear ",
        TIT(t),
        " ",
        PER(rp.surname),
        ",\n\n",
        f"Following our meeting on {E.date()}, we are pleased to confirm the order of {E.qty()} of {E.product()} at a total price "
        f"of {E.money(500, 20000)}. {E.decoy()} Delivery is planned for calendar week {E.rng.randint(2, 51)}.\n\n",
        "Yours sincerely,\n\n",
        PER(me.full),
        "\n",
        E.job(),
    )


@tpl("business_letter")
def letter_oneline(E, d):
    rp, me = E.person(), E.person()
    rorg, morg = E.org("ch"), E.org("c")
    ra = E.address(unit_p=0.5)
    d.w(
        "To: ",
        PER(rp.full),
        ", ",
        ORG(rorg.name),
        ", ",
        ra.oneline(country=E.pick(["en", None])),
        "\n",
        "From: ",
        PER(me.full),
        ", ",
        ORG(morg.name),
        "\n",
        f"Date: {E.date()}\nRe: Service contract {E.ref(4)}-{digits(E.rng, 4)}\n\n",
        "Dear ",
        PER(rp.given),
        ",\n\n",
        f"As agreed on the phone, the maintenance visits will move from {E.weekday()}s to {E.weekday()}s starting in {E.month()}. "
        f"{E.decoy()} The annual fee remains {E.money(300, 9000)}.\n\nBest wishes,\n",
        PER(me.given),
    )


@tpl("business_letter")
def letter_complaint(E, d):
    me, a = E.person(), E.address(unit_p=0.6)
    org, oa = E.org("cs", suffix=True), E.address(po_box=E.chance(0.6))
    d.w(
        PER(me.full),
        "\n",
        a.block(unit="own", country=None),
        "\n",
        EM(E.email(me)),
        "\n\n",
        ORG(org.name),
        "\nCustomer Service\n",
        oa.block(country=None),
        "\n\n",
        E.date(),
        "\n\n",
        f"Complaint regarding order {E.order_no()}\n\nDear Sir or Madam,\n\n",
        f"On {E.date()} I ordered a {E.product()} ({E.sku()}) for {E.money(40, 900)}. It arrived damaged and your hotline has not called me back. ",
    )
    iban = E.iban()
    if iban:
        d.w("Please refund the full amount to my account ", IBAN(iban), " within 14 days.\n\n")
    else:
        d.w(f"Please refund the full amount to the card I paid with (ending {digits(E.rng, 4)}) within 14 days.\n\n")
    d.w(
        "I can be reached on ",
        PH(E.phone("mobile")),
        " on weekdays after 17:00.\n\nYours faithfully,\n\n",
        PER(me.full),
    )


@tpl("business_letter")
def letter_reference(E, d):
    emp, ref_p = E.person(), E.person()
    org, org2 = E.org("ceh"), E.org("c")
    a = E.address(unit_p=0.2)
    t = emp.honorific(E.rng)
    d.w(
        ORG(org.name),
        "\n",
        a.oneline(country=None),
        "\n\n",
        E.date(),
        "\n\nTo whom it may concern,\n\n",
        "I am pleased to recommend ",
        PER(emp.full),
        f", who worked with us as {E.job()} from {E.month()} {E.rng.randint(2015, 2019)} to {E.month()} {E.rng.randint(2020, 2024)}. ",
        PER(emp.given),
        f" consistently met deadlines and trained {E.rng.randint(2, 9)} new colleagues. ",
        TIT(t),
        " ",
        PER(emp.surname),
        " also coordinated our partnership with ",
        ORG(org2.name),
        " in ",
        LOC(E.city().name),
        ".\n\n",
        "Should you need more information, please call me on ",
        PH(E.phone()),
        " or write to ",
        EM(E.email(ref_p, org)),
        ".\n\n",
        PER(ref_p.full),
        "\n",
        E.job(),
        ", ",
        ORG(org.name),
    )


@tpl("business_letter")
def letter_caps_city(E, d):
    me, rp = E.person(), E.person()
    rorg, ra = E.org("cs"), E.address(unit_p=0.5)
    c = E.city()
    t = rp.honorific(E.rng)
    d.w(
        LOC(c.name.upper()),
        ", ",
        E.date(),
        "\n\n",
        ORG(rorg.name),
        "\nAttn: ",
        TIT(t),
        " ",
        PER(rp.full),
        "\n",
        ra.block(unit="same", country=E.pick(["en", "local"]), upper=E.chance(0.5)),
        "\n\n",
        "Subject: Notice of termination for the premises at ",
        ra.street_parts(False),
        ", ",
        LOC(ra.city.name),
        "\n\n",
        "Dear ",
        TIT(t),
        " ",
        PER(rp.surname),
        ",\n\n",
        f"We hereby give notice to terminate the lease with effect from {E.date()}. {E.decoy()} Please let us know when the "
        f"handover inspection can take place; any {E.weekday()} morning suits us.\n\nSincerely,\n",
        PER(me.full),
        "\n",
        EM(E.email(me)),
    )


# --- shipping labels --------------------------------------------------------------------------------


@tpl("shipping_label")
def label_caps(E, d):
    org, sa = E.org("cs"), E.address(unit_p=0.2)
    R = E.other() if E.chance(0.3) else E
    rp, ra = R.person(), R.address(unit_p=0.7)
    d.w(
        "FROM:\n",
        caps([ORG(org.name)]),
        "\n",
        sa.block(unit="same", country="local", upper=True),
        "\n\n",
        "TO:\n",
        PER(rp.full.upper()),
        "\n",
        ra.block(unit="own", country=E.pick(["local", "caps"]), upper=True),
        "\n",
        "TEL: ",
        PH(R.phone("mobile", E.pick(["intl", "intl00", "nat"]))),
        "\n\n",
        caps([ORG(E.carrier())]),
        f" {E.pick(['EXPRESS 12:00', 'ECONOMY', 'STANDARD', 'PRIORITY', 'PARCEL CONNECT'])} | TRACKING: {E.tracking()} | "
        f"WEIGHT: {E.rng.randint(1, 30)}.{E.rng.randint(0, 9)} KG | PARCEL 1/{E.rng.randint(1, 3)}",
    )


@tpl("shipping_label")
def label_mixed(E, d):
    rp, ra = E.person(), E.address(unit_p=0.6)
    org, sa = E.org("cs"), E.address(unit_p=0.2)
    d.w("Ship to:\n", PER(rp.full), "\n")
    if E.chance(0.4):
        d.w("c/o ", ORG(E.org("ch").name), "\n")
    d.w(
        ra.block(unit="own", country="en"),
        "\nPhone: ",
        PH(E.phone("mobile")),
        "\n\n",
        "Ship from: ",
        ORG(org.name),
        ", ",
        sa.oneline(country=None),
        "\n",
        f"Order {E.order_no()} · {E.rng.randint(1, 6)} items · {E.date()}\nCarrier: ",
        ORG(E.carrier()),
        f"\n{E.decoy()}",
    )


def sender_place(E):
    """Sender's town on a label: 'CITY, COUNTRY', 'COUNTRY POSTCODE CITY' or 'CC-POSTCODE CITY' (country code outside the span)."""
    c = E.city()
    pc = make_pc(E.rng, E.L, c)
    numeric = E.L.r["city_style"] in ("eu", "es", "it", "ro", "tr") and pc[0].isdigit()
    r = E.rng.random()
    if numeric and r < 0.35:
        return [f"{E.L.code[-2:]}-", PC(pc), " ", LOC(c.name.upper())]
    if r < 0.65:
        return [E.country("caps"), " ", PC(pc), " ", LOC(c.name.upper())]
    return [LOC(c.name.upper()), ", ", E.country("caps")]


@tpl("shipping_label")
def label_oneline(E, d):
    R = E.other() if E.chance(0.3) else E
    rp, ra = R.person(), R.address(unit_p=0.5)
    org = E.org("cs")
    d.w(
        caps([ORG(E.carrier())]),
        "  ",
        E.pick(["EXPRESS", "STANDARD", "2-DAY", "ECONOMY"]),
        "\n",
        "DELIVER TO: ",
        PER(rp.full.upper()),
        ", ",
        ra.oneline(country="caps", upper=True),
        "\n",
        "SENDER: ",
        caps([ORG(org.name)]),
        ", ",
        *sender_place(E),
        "\n",
        f"REF {E.ref(10)}  {E.rng.randint(1, 25)}.{E.rng.randint(0, 9)} KG  "
        f"{E.rng.randint(20, 80)}x{E.rng.randint(20, 60)}x{E.rng.randint(10, 40)} CM",
    )


@tpl("shipping_label")
def label_return(E, d):
    org, a = E.org("cs", suffix=True), E.address(po_box=True)
    cust = E.person()
    d.w(
        "RETURN TO:\n",
        ORG(org.name),
        "\nReturns Department\n",
        a.block(country="en"),
        "\n\n",
        f"Return authorisation: RMA-{digits(E.rng, 6)}\nCustomer: ",
        PER(cust.last_first),
        f"\nOrder: {E.order_no()}\nReason code: 03 (wrong size)\nItems: {E.qty()} of {E.product()}\n",
        "Questions? ",
        EM(E.role_email(org)),
    )


@tpl("shipping_label")
def label_customs(E, d):
    sp, sa = E.person(), E.address(unit_p=0.4)
    R = E.other()
    rp, ra = R.person(), R.address(unit_p=0.4)
    d.w(
        "CN22 CUSTOMS DECLARATION\nSender: ",
        PER(sp.full),
        ", ",
        sa.oneline(country="en"),
        "\n",
        "Recipient: ",
        PER(rp.full),
        ", ",
        ra.oneline(country="en"),
        "\nRecipient phone: ",
        PH(R.phone("mobile", "intl")),
        "\n",
        f"Contents: {E.product()} x{E.rng.randint(1, 4)}   Value: {E.money(10, 400)}   HS code: {digits(E.rng, 6)}\n",
        f"Gift [ ]  Commercial sample [x]  Documents [ ]\nDate: {E.date()}",
    )


# --- invoices -------------------------------------------------------------------------------------


@tpl("invoice")
def invoice_b2b(E, d):
    seller, sa = E.org("c", suffix=True), E.address(unit_p=0.3)
    buyer, ba = E.org("cseh"), E.address(unit_p=0.5)
    contact = E.person()
    inv = E.invoice_no()
    d.w(
        f"INVOICE {inv}\nIssue date: {E.date()}    Due date: {E.date()}\n\nSeller:\n",
        ORG(seller.name),
        "\n",
        sa.block(unit="same", country="en"),
        "\n",
        f"{E.vat_id()}\n",
        EM(E.role_email(seller)),
        " | ",
        PH(E.phone("land")),
        "\n\n",
        "Buyer:\n",
        ORG(buyer.name),
        "\nAttn: ",
        PER(contact.full),
        "\n",
        ba.block(unit="own", country=None),
        "\n\n",
        "Item                                   Qty   Amount\n",
    )
    for _ in range(E.rng.randint(2, 4)):
        d.w(f"{E.product()} ({E.sku()})   {E.rng.randint(1, 20)}   {E.money(20, 3000)}\n")
    d.w(f"VAT {E.pct()}\nTotal due: {E.money(500, 25000)}\n\n")
    iban = E.iban()
    if iban:
        d.w("Please pay by bank transfer to ", IBAN(iban), f" (BIC {E.bic()}), quoting {inv}.")
    else:
        d.w(f"Payment terms: net 30. Please quote {inv} with your payment.")


@tpl("invoice")
def invoice_private(E, d):
    org, oa = E.org("cs"), E.address(unit_p=0.2)
    cust, ca = E.person(), E.address(unit_p=0.7)
    tech = E.person()
    d.w(
        ORG(org.name),
        "\n",
        oa.oneline(country=None),
        " · ",
        URL(E.url(org)),
        "\n\n",
        f"Invoice no. {E.invoice_no()}    {E.date()}\n\nBill to:\n",
        PER(cust.full),
        "\n",
        ca.block(unit="own", country=None),
        "\n\n",
        f"{E.pick(SERVICES)}   {E.money(60, 900)}\nLabour: {E.rng.randint(1, 6)}.{E.pick(['0', '5'])} h   {E.money(40, 400)}\n",
        f"Total: {E.money(100, 1500)} (incl. {E.pct()} VAT)\n\n",
    )
    iban = E.iban(grouped=False)
    if iban:
        d.w("Please pay within 14 days to IBAN ", IBAN(iban), ". ")
    else:
        d.w("Please pay within 14 days by card or bank transfer. ")
    d.w("Questions? Call ", TIT(tech.honorific(E.rng)), " ", PER(tech.surname), " on ", PH(E.phone()), ".")


@tpl("invoice")
def invoice_freelancer(E, d):
    me, a = E.person(), E.address(unit_p=0.5)
    client, cla = E.org("c"), E.address(unit_p=0.2)
    nid, lab, nm = E.natid(me)
    d.w(
        PER(me.full),
        f" - freelance {E.pick(['translator', 'illustrator', 'web developer', 'photographer', 'copywriter', 'bookkeeper'])}\n",
        a.oneline(country=None),
        "\n",
        f"{nm}: ",
        (nid, lab),
        "\n",
        EM(E.email(me)),
        " | ",
        PH(E.phone("mobile")),
        "\n\n",
        f"INVOICE {E.invoice_no()}\nDate: {E.date()}\nClient: ",
        ORG(client.name),
        ", ",
        cla.street_parts(False),
        ", ",
        cla.city_line(),
        "\n\n",
        f"{E.month()} {E.rng.randint(2023, 2025)}: {E.rng.randint(3, 60)} pages / hours as agreed   {E.money(200, 6000)}\n{E.decoy()}\n\n",
    )
    iban = E.iban()
    if iban:
        d.w("Payment to: ", IBAN(iban), " (account holder: ", PER(me.full.upper()), ")")
    else:
        d.w("Payment: within 14 days; card payments are accepted through the link in the e-mail.")


@tpl("invoice")
def invoice_receipt(E, d):
    shop, a = E.org("sr"), E.address(unit_p=0.1)
    cust = E.person()
    d.w(
        caps([ORG(shop.name)]),
        "\n",
        a.street_parts(),
        "\n",
        a.city_line(),
        "\nTel. ",
        PH(E.phone("land")),
        "\n",
        DOM(shop.domain),
        "\n\n",
        f"RECEIPT {digits(E.rng, 6)}    {E.date()} {E.time()}\n",
    )
    for _ in range(E.rng.randint(2, 5)):
        d.w(f"{E.rng.randint(1, 3)} x {E.product()}   {E.money(2, 300)}\n")
    d.w(
        f"TOTAL {E.money(10, 900)}\nCARD ************{digits(E.rng, 4)}   AUTH {digits(E.rng, 6)}\n",
        "Loyalty member: ",
        PER(cust.full),
        f" (no. {digits(E.rng, 10)})\nThank you for shopping with us!",
    )


@tpl("invoice")
def invoice_reminder(E, d):
    cust, clerk = E.person(), E.person()
    org, a = E.org("c", suffix=True), E.address(unit_p=0.2)
    inv = E.invoice_no()
    d.w(
        f"Subject: Payment reminder for invoice {inv}\n\nDear ",
        TIT(cust.honorific(E.rng)),
        " ",
        PER(cust.surname),
        ",\n\n",
        f"According to our records, invoice {inv} dated {E.date()} for {E.money(50, 4000)} is still unpaid. "
        "May we ask you to settle it within 7 days?\n\n",
    )
    iban = E.iban()
    if iban:
        d.w("Account holder: ", ORG(org.name), "\nIBAN: ", IBAN(iban), f"\nReference: {inv}\n\n")
    else:
        d.w(f"You can pay online with reference {inv}.\n\n")
    d.w(
        "If you have already paid, please disregard this message or contact ",
        PER(clerk.given),
        " in accounts at ",
        EM(E.email(clerk, org)),
        " or ",
        PH(E.phone("land")),
        ".\n\n",
        ORG(org.name),
        " · ",
        a.oneline(country="en"),
    )


# --- CV headers -----------------------------------------------------------------------------------


@tpl("cv_header")
def cv_classic(E, d):
    me, a = E.person(), E.address(unit_p=0.5)
    o1 = E.org("c")
    R = E.other()
    o2, c2 = R.org("c"), R.city()
    y1 = E.rng.randint(2016, 2022)
    y0 = y1 - E.rng.randint(2, 6)
    d.w(
        PER(me.full.upper()),
        "\n",
        E.job(),
        "\n\n",
        "Address: ",
        a.oneline(country="en"),
        "\nPhone: ",
        PH(E.phone("mobile")),
        "\nEmail: ",
        EM(E.email(me)),
        "\nLinkedIn: ",
        URL(E.linkedin(me)),
        "\nDate of birth: ",
        DOB(E.dob(me)),
        "\n\n",
        f"PROFILE\n{E.pick(PROFILES)}\n\nEXPERIENCE\n{y1}-present  {E.job()}, ",
        ORG(o1.name),
        ", ",
        LOC(E.city().name),
        "\n",
        f"{y0}-{y1}  {E.job()}, ",
        ORG(o2.name),
        ", ",
        LOC(c2.name),
        ", ",
        R.country(),
        "\n\n",
        f"EDUCATION\n{y0 - 4}-{y0}  {E.pick(DEGREES)}, ",
        ORG(E.org("e").name),
        f"\n\nLANGUAGES\n{languages(E)}",
    )


@tpl("cv_header")
def cv_compact(E, d):
    me = E.person()
    d.w(
        PER(me.full),
        "\n",
        LOC(E.city().name),
        ", ",
        E.country(),
        " · ",
        PH(E.phone("mobile", E.pick(["intl", "intl00"]))),
        " · ",
        EM(E.email(me)),
        " · ",
        DOM(E.personal_site(me)),
        "\n\n",
        f"{E.job()} with {E.rng.randint(3, 20)} years of experience in {E.pick(FIELDS)}. Languages: {languages(E)}. "
        f"Available from {E.month()}.\n\n",
        f"Selected results: migration to version {E.version()}, cost savings of {E.pct()}, {E.rng.randint(2, 40)} team members coordinated.",
    )


@tpl("cv_header")
def cv_europass(E, d):
    me, a = E.person(), E.address(unit_p=0.6)
    d.w(
        "CURRICULUM VITAE\n\nPersonal information\nSurname(s) / First name(s): ",
        PER(me.last_first),
        "\n",
        "Address: ",
        a.oneline(country="en"),
        "\nTelephone: ",
        PH(E.phone("land")),
        "    Mobile: ",
        PH(E.phone("mobile")),
        "\n",
        "E-mail: ",
        EM(E.email(me)),
        f"\nNationality: {E.L.r['nationality']}\nDate of birth: ",
        DOB(E.dob(me)),
        "\n",
        f"Gender: {'Female' if me.gender == 'F' else 'Male'}\n\nDesired employment: {E.job()}\n\nWork experience\n",
        f"{E.date(2016, 2022)} - present: {E.job()} at ",
        ORG(E.org("ch").name),
        ", ",
        LOC(E.city().name),
    )


@tpl("cv_header")
def cv_references(E, d):
    me, r1 = E.person(), E.person()
    o1 = E.org("ce")
    R = E.other()
    r2, o2 = R.person(), R.org("c")
    d.w(
        PER(me.full),
        f" - {E.job()}\n",
        EM(E.email(me)),
        " | ",
        PH(E.phone("mobile")),
        "\n\n",
        f"{E.pick(PROFILES)}\n\nREFERENCES\n",
        TIT(r1.doctor(E.rng)),
        " ",
        PER(r1.full),
        f", {E.job()}, ",
        ORG(o1.name),
        ", ",
        LOC(E.city().name),
        " - ",
        PH(E.phone("land")),
        ", ",
        EM(E.email(r1, o1)),
        "\n",
        TIT(r2.honorific(E.rng)),
        " ",
        PER(r2.full),
        f", {E.job()}, ",
        ORG(o2.name),
        " - ",
        EM(R.email(r2, o2)),
    )


# --- chat transcripts -----------------------------------------------------------------------------


@tpl("chat_transcript")
def chat_order(E, d):
    cust, agent = E.person(), E.person()
    a = E.address()
    ck = Clock(E)
    d.w(
        f"{ck()} system: chat started (order support)\n",
        f"{ck()} agent: Hi, I'm ",
        PER(agent.given),
        ". How can I help?\n",
        f"{ck()} customer: hi, my order {E.order_no()} hasn't arrived\n",
        f"{ck()} agent: Sorry about that. Can you confirm the name and email on the order?\n",
        f"{ck()} customer: ",
        PER(cust.full),
        ", ",
        EM(E.email(cust)),
        "\n",
        f"{ck()} agent: Thanks ",
        PER(cust.given),
        ". And the delivery postcode?\n",
        f"{ck()} customer: ",
        PC(a.pc),
        "\n",
        f"{ck()} agent: I can see it is with ",
        ORG(E.carrier()),
        f", tracking {E.tracking()}. It should arrive on {E.weekday()}. {E.decoy()}\n",
        f"{ck()} customer: ok thanks",
    )


@tpl("chat_transcript")
def chat_card(E, d):
    cust = E.person()
    card, _, _ = E.card()
    ck = Clock(E)
    d.w(
        f"{ck()} customer: I'd like to pay the remaining {E.money(20, 900)} by card\n",
        f"{ck()} agent: Sure. You can also use the secure payment link we emailed.\n",
        f"{ck()} customer: it's ",
        CARD(card),
        f" exp {E.rng.randint(1, 12):02d}/{E.rng.randint(25, 30)} cvv {digits(E.rng, 3)}\n",
        f"{ck()} agent: Please never post the security code in chat; I have masked it. What is the name on the card?\n",
        f"{ck()} customer: ",
        PER(cust.full.upper()),
        "\n",
        f"{ck()} agent: Thank you. Payment approved, reference {E.ref(8)}. A receipt goes to the address on file.\n",
        f"{ck()} customer: great",
    )


@tpl("chat_transcript")
def chat_address_change(E, d):
    cust, a = E.person(), E.address(unit_p=0.8)
    ck = Clock(E)
    d.w(
        f"{ck()} customer (",
        PER(cust.full),
        "): Hi, I moved last week. New address is ",
        a.oneline(country=None),
        "\n",
        f"{ck()} agent: Thanks, updated. Is ",
        PH(E.phone()),
        " still the best number?\n",
        f"{ck()} customer: no, use ",
        PH(E.phone("mobile", "intl00")),
        " please\n",
        f"{ck()} agent: Done. Your next delivery ({E.order_no()}) goes to the new address on {E.day()}.\n",
        f"{ck()} customer: perfect, thank you",
    )


@tpl("chat_transcript")
def chat_friends(E, d):
    a, b, c = E.person(), E.person(), E.person("F")
    addr = E.address(unit_p=0.3)
    ck = Clock(E)
    d.w(
        f"{ck()} ",
        PER(a.given),
        ": are you coming to ",
        LOC(addr.city.name),
        " on saturday?\n",
        f"{ck()} ",
        PER(b.given),
        f": yes!! train gets in at {E.time()}\n",
        f"{ck()} ",
        PER(a.given),
        ": ",
        PER(c.given),
        " will pick you up, her number is ",
        PH(E.phone("mobile")),
        "\n",
        f"{ck()} ",
        PER(b.given),
        ": Will she? great\n",
        f"{ck()} ",
        PER(a.given),
        ": we're at ",
        addr.street_parts(),
        " now, the buzzer says ",
        PER(a.surname),
        "\n",
        f"{ck()} ",
        PER(b.given),
        ": see you there 👍",
    )


@tpl("chat_transcript")
def chat_it(E, d):
    u = E.person()
    org, cust_org = E.org("c"), E.org("cs")
    ck = Clock(E)
    d.w(
        f"{ck()} helpdesk: Morning! Which machine is it?\n",
        f"{ck()} ",
        PER(u.given),
        f": laptop LT-{digits(E.rng, 4)}, IP ",
        IP(ipv4(E.rng)),
        "\n",
        f"{ck()} helpdesk: I see failed logins from ",
        IP(ipv4(E.rng)),
        " and ",
        IP(ipv6(E.rng)),
        f" at {E.time()}. Did you try to log in from home?\n",
        f"{ck()} ",
        PER(u.given),
        ": no! I was at ",
        ORG(cust_org.name),
        " in ",
        LOC(E.city().name),
        " all day\n",
        f"{ck()} helpdesk: OK, I'm locking the account and resetting MFA. Connect through ",
        DOM(f"vpn.{org.domain}"),
        f" with client {E.version()} and call back if it fails.\n",
        f"{ck()} ",
        PER(u.given),
        ": thanks",
    )


# --- support tickets ------------------------------------------------------------------------------


@tpl("support_ticket")
def ticket_login(E, d):
    req, agent = E.person(), E.person()
    org, portal = E.org("c"), E.org("c")
    ip = ipv6(E.rng) if E.chance(0.5) else ipv4(E.rng)
    d.w(
        f"Ticket {E.ticket_no()}  |  Priority: High  |  Opened: {E.date()} {E.time()}\n",
        "Requester: ",
        PER(req.full),
        " <",
        EM(E.email(req, org)),
        ">\nOrganisation: ",
        ORG(org.name),
        "\nSource IP: ",
        IP(ip),
        "\n\n",
        f"Description:\nSince the update to {E.version()} I cannot log in to the portal at ",
        URL(E.url(portal, "login")),
        f". Error code E-{digits(E.rng, 4)}. {E.decoy()}\n\n",
        "Internal note (",
        PER(agent.full),
        "): the address is in the customer's office range ",
        IP(ipv4(E.rng)),
        ". Asked ",
        PER(req.given),
        " to clear the cache and retry.",
    )


@tpl("support_ticket")
def ticket_delivery(E, d):
    cust, nb = E.person(), E.person()
    a = E.address(unit_p=0.6)
    d.w(
        f"Subject: Parcel not delivered (order {E.order_no()})\n\nFrom: ",
        EM(E.email(cust)),
        "\nName: ",
        PER(cust.full),
        "\nPhone: ",
        PH(E.phone()),
        "\nDelivery address:\n",
        a.block(unit="own", country=None),
        "\n\n",
        f"Message:\nThe tracking page ({E.tracking()}) says the parcel was delivered on {E.date()} at {E.time()}, but nothing "
        "arrived. My neighbour ",
        PER(nb.given),
        " did not receive it either. Will you open an investigation with ",
        ORG(E.carrier()),
        "?",
    )


@tpl("support_ticket")
def ticket_billing(E, d):
    cust, agent = E.person(), E.person()
    nid, lab, nm = E.natid(cust)
    d.w(
        f"Case {E.ticket_no()}: refund request\nCustomer: ",
        PER(cust.full),
        f"\nCustomer ID: {digits(E.rng, 8)}\n",
        f"Verified with: {nm} ",
        (nid, lab),
        f"\nRefund amount: {E.money(10, 800)}\n",
    )
    iban = E.iban()
    if iban:
        d.w("Refund to: ", IBAN(iban), "\n")
    else:
        d.w("Refund to card: ", CARD(E.card()[0]), "\n")
    d.w(
        "Agent: ",
        PER(agent.full),
        "\nNotes: customer called from ",
        PH(E.phone()),
        f" on {E.date()}. ",
        TIT(cust.honorific(E.rng)),
        " ",
        PER(cust.surname),
        f" confirmed the duplicate charge of {E.money(5, 300)}.",
    )


@tpl("support_ticket")
def ticket_bug(E, d):
    rep, qa = E.person(), E.person()
    org = E.org("c")
    d.w(
        f"[BUG] Export fails for files over {E.rng.randint(2, 500)} MB (v{E.version()})\nReporter: ",
        EM(E.email(rep, org)),
        "\n",
        f"Environment: {E.product()}, firmware {E.version()}, build {digits(E.rng, 5)}\n\n",
        f"Steps:\n1. Open the export dialog\n2. Select {E.rng.randint(2, 40)} files\n3. Press Export\n\nServer log:\n",
        f"{E.date(pat='YYYY-MM-DD')}T{E.time()}:{E.rng.randint(10, 59)}Z ERROR upload rejected from ",
        IP(ipv4(E.rng)),
        " (client ",
        IP(ipv6(E.rng)),
        ")\n",
        f"{E.date(pat='YYYY-MM-DD')}T{E.time()}:{E.rng.randint(10, 59)}Z WARN retry 3/3 failed, host ",
        DOM(f"files.{org.domain}"),
        "\n\n",
        "Workaround suggested by ",
        PER(qa.given),
        " (QA): split the export into batches of 10.",
    )


@tpl("support_ticket")
def ticket_escalation(E, d):
    contact, eng, me = E.person(), E.person(), E.person()
    org, a = E.org("csh"), E.address(unit_p=0.3)
    t = contact.honorific(E.rng)
    d.w(
        f"ESCALATION - ticket {E.ticket_no()}\nCustomer: ",
        ORG(org.name),
        " (",
        LOC(a.city.name),
        ", ",
        E.country(),
        ")\n",
        "Contact: ",
        TIT(t),
        " ",
        PER(contact.full),
        f", {E.job()}, ",
        PH(E.phone("land")),
        f" ext. {E.rng.randint(10, 499)}\n",
        "Summary: ",
        TIT(t),
        " ",
        PER(contact.surname),
        f" said the replacement {E.product()} failed again on {E.date()}. {contact.he.capitalize()} expects a call back before "
        f"{E.time()} on {E.weekday()}.\n",
        f"History:\n- {E.date()}: first contact via ",
        EM(E.role_email(org)),
        "\n",
        f"- {E.date()}: engineer ",
        PER(eng.full),
        " visited the site at ",
        a.street_parts(),
        ", ",
        LOC(a.city.name),
        "\n",
        "Next step: ",
        PER(me.given),
        " to call ",
        PER(contact.surname),
        " back.",
    )


# --- forum posts ----------------------------------------------------------------------------------


@tpl("forum_post")
def forum_question(E, d):
    org, guy = E.org("cs"), E.person()
    a = E.address(unit_p=0.2)
    d.w(
        "Re: Reliable plumber in ",
        LOC(a.city.name),
        f"?\nPosted by {E.pick(HANDLES)} » {E.date()} {E.time()}\n\n",
        "We used ",
        ORG(org.name),
        " last winter. Ask for ",
        PER(guy.given),
        f", {guy.he} sorted out our boiler in an afternoon. Their workshop is on ",
        a.street_parts(False),
        " and the number is ",
        PH(E.phone()),
        f". {E.decoy()}\n\n",
        f"Edit: prices rose about {E.pct()} since then, still worth it.",
    )


@tpl("forum_post")
def forum_recommendation(E, d):
    doc, rec = E.person(), E.person()
    org, a = E.org("h"), E.address(unit_p=0.5)
    d.w(
        "Subject: English-speaking doctor near ",
        LOC(a.city.name),
        f"?\n\n{E.pick(HANDLES)} wrote:\n> Anyone know a good practice?\n\n",
        "Try ",
        TIT(doc.doctor(E.rng)),
        " ",
        PER(doc.surname),
        " at ",
        ORG(org.name),
        ", ",
        a.oneline(country=None),
        ". Appointments via ",
        DOM(org.domain),
        " or ",
        PH(E.phone("land")),
        ". The receptionist, ",
        PER(rec.given),
        f", speaks English. We waited {E.rng.randint(2, 6)} weeks for a slot, so book early.",
    )


@tpl("forum_post")
def forum_server(E, d):
    org1, org2 = E.org("c"), E.org("cs")
    p, me = E.person(), E.person()
    d.w(
        f"Subject: Mail relay rejected after upgrade to {E.version()}\nPosted by {E.pick(HANDLES)}\n\n",
        "Hi all, I run a small mail server for ",
        DOM(org1.domain),
        f" on a VPS. Since {E.day()} mail to ",
        EM(E.email(p, org2)),
        ' bounces with "550 5.7.1 relay access denied". The client connects from ',
        IP(ipv4(E.rng)),
        ", the server listens on ",
        IP(ipv6(E.rng)),
        " and ",
        IP(ipv4(E.rng)),
        ".\n\n",
        f"Relay is limited to the office subnet and nothing else changed except the package (now {E.version()}). "
        "Any idea what changed?\n\nThanks, ",
        PER(me.given),
    )


@tpl("forum_post")
def forum_travel(E, d):
    c1 = E.city()
    c2 = E.pick([c for c in E.L.cities if c.name != c1.name])
    org, food, host = E.org("o"), E.org("r"), E.person()
    d.w(
        f"Trip report: {E.rng.randint(4, 14)} days in ",
        E.in_country(),
        "\n\n",
        "We flew into ",
        LOC(c1.name),
        " and drove to ",
        LOC(c2.name),
        ". We stayed at ",
        ORG(org.name),
        "; the owner, ",
        PER(host.given),
        ", speaks good English. Book by phone (",
        PH(E.phone()),
        ") or write to ",
        EM(E.role_email(org)),
        ". Best dinner: ",
        ORG(food.name),
        ", see ",
        DOM(food.domain),
        f". Prices rose about {E.pct()} compared with last year. Will definitely go back in May.",
    )


# --- meeting notes --------------------------------------------------------------------------------


@tpl("meeting_notes")
def notes_attendees(E, d):
    p = [E.person() for _ in range(4)]
    o1, o2 = E.org("c"), E.org("c")
    site = E.city()
    d.w(
        f"Project sync - {E.date()}, {E.time()}-{E.time()}, Room {E.rng.randint(100, 499)}\n",
        "Attendees: ",
        PER(p[0].full),
        " (",
        ORG(o1.name),
        "), ",
        PER(p[1].full),
        " (",
        ORG(o1.name),
        "), ",
        PER(p[2].full),
        " (",
        ORG(o2.name),
        ")\nApologies: ",
        PER(p[3].full),
        "\n\n",
        f"1. Budget: spend at {E.pct()} of plan. {E.decoy()}\n",
        "2. ",
        PER(p[0].given),
        f" to send the revised schedule by {E.weekday()}.\n3. ",
        PER(p[2].surname),
        " raised delays at the ",
        LOC(site.name),
        " warehouse; ",
        PER(p[1].given),
        f" to check stock of {E.sku()}.\n",
        f"Next meeting: {E.date()}",
    )


@tpl("meeting_notes")
def notes_client_call(E, d):
    c, me = E.person(), E.person()
    org, a = E.org("ch"), E.address(unit_p=0.5)
    t = c.honorific(E.rng)
    d.w(
        "Call notes - ",
        ORG(org.name),
        f" - {E.date()}\nContact: ",
        TIT(t),
        " ",
        PER(c.full),
        f", {E.job()} (",
        PH(E.phone()),
        ", ",
        EM(E.email(c, org)),
        ")\nSite: ",
        a.oneline(country=None),
        "\n\n",
        f"- They need {E.qty()} of {E.product()} delivered to the ",
        LOC(a.city.name),
        f" site by {E.month()}.\n- ",
        TIT(t),
        " ",
        PER(c.surname),
        f" asked for a discount above {E.pct()}; we offered free installation instead.\n",
        "- Follow-up: ",
        PER(me.given),
        f" to prepare quote Q-{digits(E.rng, 5)} by {E.weekday()}.",
    )


@tpl("meeting_notes")
def notes_hiring(E, d):
    p1, p2, c1 = E.person(), E.person(), E.person()
    R = E.other()
    c2, c2city = R.person(), R.city()
    org = E.org("c")
    d.w(
        f"Hiring panel - {E.job()} - {E.date()}\nPanel: ",
        PER(p1.full),
        ", ",
        PER(p2.full),
        "\n\nCandidates:\n",
        "- ",
        PER(c1.full),
        " (based in ",
        LOC(E.city().name),
        E.pick([", currently at ", ", currently works for "]),
        ORG(org.name),
        f") - strong on planning, notice period {E.rng.randint(1, 3)} months.\n",
        "- ",
        PER(c2.full),
        " (relocating from ",
        LOC(c2city.name),
        ", ",
        R.country(),
        f") - excellent references, salary expectation {E.money(3000, 9000)} per month.\n\n",
        "Decision: invite ",
        PER(c1.given),
        f" for a second round on {E.day()}.",
    )


@tpl("meeting_notes")
def notes_board(E, d):
    org, a = E.org("nt"), E.address(unit_p=0.2)
    p = [E.person() for _ in range(4)]
    t0, t1 = p[0].honorific(E.rng), p[1].doctor(E.rng)
    d.w(
        "Minutes of the board meeting of ",
        ORG(org.name),
        f"\nHeld on {E.date()} at ",
        a.street_parts(),
        ", ",
        a.city_line(),
        "\n",
        "Present: ",
        TIT(t0),
        " ",
        PER(p[0].full),
        " (chair), ",
        TIT(t1),
        " ",
        PER(p[1].full),
        ", ",
        PER(p[2].full),
        "\n",
        "Apologies: ",
        PER(p[3].full),
        "\n\n",
        "1. The minutes of the previous meeting were approved.\n",
        f"2. Treasurer's report: balance {E.money(500, 40000)}; membership fees up {E.pct()}.\n3. ",
        TIT(t1),
        " ",
        PER(p[1].surname),
        f" proposed moving the annual fair to {E.month()}. Carried unanimously.\n4. {E.decoy()}\nThe meeting closed at {E.time()}.",
    )


# --- delivery notes -------------------------------------------------------------------------------


@tpl("delivery_note")
def dn_standard(E, d):
    o1, a1 = E.org("c", suffix=True), E.address(unit_p=0.2)
    o2, a2 = E.org("cseh"), E.address(unit_p=0.6)
    att, drv = E.person(), E.person()
    d.w(
        f"DELIVERY NOTE {digits(E.rng, 7)}\nDate: {E.date()}   Order: {E.order_no()}\n\nConsignor:\n",
        ORG(o1.name),
        "\n",
        a1.block(unit="same", country="en"),
        "\n\nConsignee:\n",
        ORG(o2.name),
        "\nAttn: ",
        PER(att.full),
        "\n",
        a2.block(unit="own", country="en"),
        "\nTel. ",
        PH(E.phone("land")),
        ", ",
        PH(E.phone("land")),
        " (fax)\n\n",
        "Pos  Article                         SKU              Qty\n",
    )
    for i in range(1, E.rng.randint(2, 4) + 1):
        d.w(f"{i}    {E.product()}    {E.sku()}    {E.qty()}\n")
    d.w("\nDriver: ", PER(drv.full), f"   Departure: {E.time()}")


@tpl("delivery_note")
def dn_signed(E, d):
    rp, drv = E.person(), E.person()
    a = E.address(unit_p=0.5)
    d.w(
        f"Proof of delivery\nShipment: {E.tracking()}\nDelivered to: ",
        a.oneline(country=None),
        "\nReceived by: ",
        PER(rp.full.upper()),
        f"   Signature: [signed]   {E.date()} {E.time()}\nDelivered by: ",
        ORG(E.carrier()),
        ", driver ",
        PER(drv.given),
        f"\nNote: {E.pick(['left with reception', 'handed to recipient', 'left at back door as instructed', '2 of 2 parcels'])}.",
    )


@tpl("delivery_note")
def dn_courier(E, d):
    rp, a = E.person(), E.address(unit_p=1.0)
    org = E.org("cs")
    d.w(
        f"Delivery note {digits(E.rng, 6)} - ",
        ORG(org.name),
        "\nRecipient: ",
        PER(rp.full),
        "\n",
        a.block(unit="own", country=None),
        "\nInstructions: ring the bell marked ",
        PER(rp.surname),
        "; if nobody answers, call ",
        PER(rp.given),
        " on ",
        PH(E.phone("mobile", "bare")),
        f".\nContents: {E.qty()} of {E.product()}. {E.decoy()}",
    )


@tpl("delivery_note")
def dn_pallet(E, d):
    o1, o2 = E.org("c"), E.org("cs")
    a1, a2 = E.address(unit_p=0.2), E.address(unit_p=0.3)
    p = E.person()
    d.w(
        f"DESPATCH ADVICE {digits(E.rng, 8)}\nFrom: ",
        ORG(o1.name),
        " warehouse, ",
        a1.oneline(country=None),
        "\n",
        "To: ",
        ORG(o2.name),
        ", ",
        a2.oneline(country="en"),
        "\n",
        f"Pallets: {E.rng.randint(1, 12)} | Gross weight: {E.rng.randint(80, 2400)} kg | Dock {E.rng.randint(1, 20)} | Slot {E.time()}\n",
        "Contact on site: ",
        PER(p.full),
        " ",
        PH(E.phone("mobile")),
        f" (mobile)\n{E.decoy()}",
    )


# --- contact forms --------------------------------------------------------------------------------


@tpl("contact_form")
def form_basic(E, d):
    p = E.person()
    org, site = E.org("c"), E.org("cs")
    a = E.address(unit_p=0.3)
    d.w(
        "New message from the contact form on ",
        DOM(site.domain),
        "\n\nName: ",
        PER(p.full),
        "\nEmail: ",
        EM(E.email(p, org if E.chance(0.5) else None)),
        "\nPhone: ",
        PH(E.phone()),
        "\nCompany: ",
        ORG(org.name),
        "\n",
        f"Subject: Quote request\nMessage: Hello, we need {E.qty()} of {E.product()} for our office in ",
        LOC(a.city.name),
        ". Delivery to ",
        a.street_parts(),
        ", ",
        PC(a.pc),
        f" would be ideal. {E.decoy()}",
    )


@tpl("contact_form")
def form_lastname_first(E, d):
    p, a = E.person(), E.address(unit_p=0.5)
    d.w(
        f"Registration form - {E.pick(['library card', 'gym membership', 'parking permit', 'newsletter'])}\n",
        "Last name: ",
        PER(p.family),
        "\nFirst name: ",
        PER(p.given),
        "\nDate of birth: ",
        DOB(E.dob(p)),
        "\n",
        "Street: ",
        a.street_parts(),
        "\nPostcode: ",
        PC(a.pc),
        "\nCity: ",
        LOC(a.city.name),
        "\nCountry: ",
        E.country(),
        "\n",
        "Mobile: ",
        PH(E.phone("mobile")),
        "\nE-mail: ",
        EM(E.email(p)),
        "\nPreferred contact time: afternoons\nConsent to marketing: no",
    )


@tpl("contact_form")
def form_address_lines(E, d):
    p, ref = E.person(), E.person()
    a = E.address(unit_p=1.0)
    d.w(
        f"Form submission {E.date()} {E.time()}\nFull name: ",
        PER(p.last_first),
        "\nAddress line 1: ",
        STR(a.street),
        "\nAddress line 2: ",
        STR(a.unit) if a.unit else "",
        "\nTown/City: ",
        LOC(a.city.name),
        "\nRegion: ",
        LOC(a.city.region) if a.city.region else "",
        *(
            ["\nPostal code: ", PC(a.pc), "\nCountry: ", E.country()]
            if E.chance(0.5)
            else ["\nCountry: ", E.country(), "\nPostal code: ", PC(a.pc)]
        ),
        "\n",
        "Phone: ",
        PH(E.phone("land", "paren")),
        "\nHow did you hear about us? Recommendation from ",
        PER(ref.full),
    )


@tpl("contact_form")
def form_phone_message(E, d):
    caller, rec, taker = E.person(), E.person(), E.person()
    d.w(
        "PHONE MESSAGE\nFor: ",
        PER(rec.given),
        f"\nDate: {E.date()}   Time: {E.time()}\n\n",
        PER(caller.full),
        " (",
        PH(E.phone("any", "bare")),
        f") called about order {E.order_no()}. Please call back before {E.time()}; alternative number ",
        PH(E.phone("land")),
        " (office).\n\nTaken by: ",
        PER(taker.given),
    )


@tpl("contact_form")
def form_registration(E, d):
    p, em = E.person(), E.person()
    org, club = E.org("tn"), E.org("tce")
    event = f"{E.pick(['City Run', 'Autumn Cup', 'Charity Walk', 'Spring Regatta', 'Junior Chess Open'])} {E.rng.randint(2024, 2025)}"
    d.w(
        f"Registration - {event}, organised by ",
        ORG(org.name),
        "\nParticipant: ",
        TIT(p.honorific(E.rng)),
        " ",
        PER(p.full),
        "\n",
        "Date of birth: ",
        DOB(E.dob(p)),
        "\nClub/organisation: ",
        ORG(club.name),
        "\nEmail: ",
        EM(E.email(p)),
        "\n",
        "Emergency contact: ",
        PER(em.full),
        ", ",
        PH(E.phone("mobile")),
        "\n",
        f"T-shirt size: {E.pick(['S', 'M', 'L', 'XL'])} · Dietary: {E.pick(['none', 'vegetarian', 'vegan', 'gluten-free'])}\n",
        f"Entry fee: {E.money(10, 60)}",
    )


# --- booking confirmations ------------------------------------------------------------------------


@tpl("booking_confirmation")
def booking_hotel(E, d):
    g = E.person()
    hotel, a = E.org("o"), E.address(unit_p=0.0)
    t = g.honorific(E.rng)
    nights, adults = E.rng.randint(1, 9), E.rng.randint(1, 3)
    d.w(
        f"Booking confirmation {E.ref(8)}\n\nDear ",
        TIT(t),
        " ",
        PER(g.surname),
        ",\n\nThank you for choosing ",
        ORG(hotel.name),
        f". Your stay: {nights} night{'s' if nights > 1 else ''} from {E.date()}, Double Deluxe, rate {E.money(60, 400)} per night.\n\n",
        "Guest: ",
        PER(g.full),
        f"\nGuests: {adults} adult{'s' if adults > 1 else ''}\nHotel address: ",
        a.oneline(country="en"),
        "\n",
        "Phone: ",
        PH(E.phone("land")),
        "   Email: ",
        EM(E.role_email(hotel)),
        "\n",
        "Check-in from 15:00, check-out until 11:00. ",
    )
    if E.chance(0.35):
        d.w("Guarantee card: ", CARD(E.card()[0]), f" (exp. {E.rng.randint(1, 12):02d}/{E.rng.randint(25, 30)}).\n")
    else:
        d.w(f"Card on file: {E.pick(['Visa', 'Mastercard', 'Amex'])} ending {digits(E.rng, 4)}.\n")
    d.w(E.decoy())


@tpl("booking_confirmation")
def booking_flight(E, d):
    p, c1 = E.person(), E.city()
    R = E.other()
    c2 = R.city()
    d.w(
        "E-TICKET RECEIPT\nPassenger: ",
        PER(p.airline),
        " ",
        TIT(p.airline_title()),
        f"\nBooking code: {E.ref(6)}   Ticket: {digits(E.rng, 3)}-{digits(E.rng, 10)}\nDate of birth: ",
        DOB(E.dob(p)),
        "\n",
        f"Flight {letters(E.rng, 2, UPPER)} {E.rng.randint(100, 4999)}  ",
        LOC(c1.name.upper()),
        " - ",
        LOC(c2.name.upper()),
        f"  {E.date()}  dep {E.time()}  arr {E.time()}  Seat {E.rng.randint(1, 38)}{E.pick('ABCDEF')}  Gate {E.pick('ABCDE')}{E.rng.randint(1, 40)}\n",
        "Baggage: 1 x 23 kg\nContact: ",
        EM(E.email(p)),
        ", ",
        PH(E.phone("mobile", "intl")),
        f"\nFare: {E.money(80, 1200)} incl. taxes",
    )


@tpl("booking_confirmation")
def booking_restaurant(E, d):
    p, bday = E.person(), E.person()
    r, a = E.org("r"), E.address(unit_p=0.0)
    d.w(
        "Your table at ",
        ORG(r.name),
        " is booked!\n\nName: ",
        PER(p.full),
        f"\nDate: {E.day()} at {E.time()}\n",
        f"Party size: {E.rng.randint(2, 12)}\nPhone: ",
        PH(E.phone("mobile")),
        "\nSpecial requests: window seat, birthday cake for ",
        PER(bday.given),
        "\n\n",
        ORG(r.name),
        " · ",
        a.street_parts(),
        ", ",
        LOC(a.city.name),
        " · ",
        PH(E.phone("land")),
        " · ",
        URL(E.url(r, "reservations")),
    )


@tpl("booking_confirmation")
def booking_car(E, d):
    p, p2 = E.person(), E.person()
    org, a = E.org("c"), E.address(unit_p=0.0)
    d.w(
        f"Rental agreement {E.ref(9)}\nMain driver: ",
        PER(p.full),
        ", born ",
        DOB(E.dob(p)),
        "\nAdditional driver: ",
        PER(p2.full),
        "\nPick-up: ",
        ORG(org.name),
        ", ",
        a.oneline(country=None),
        f", {E.date()} {E.time()}\n",
        f"Return: same location, {E.date()} {E.time()}\nVehicle group: C (compact estate or similar), {E.rng.randint(3, 5)} doors\n",
        f"Deposit: {E.money(200, 1500)} blocked on card ",
        CARD(E.card()[0]),
        "\nCustomer phone: ",
        PH(E.phone()),
    )


@tpl("booking_confirmation")
def booking_event(E, d):
    p1, p2 = E.person(), E.person()
    venue, a = E.org("et"), E.address(unit_p=0.0)
    show = f"{E.pick(['Summer Jazz Night', 'Winter Gala', 'Film Quiz Evening', 'Spring Concert', 'Comedy Open Mic'])} {E.rng.randint(2024, 2025)}"
    d.w(
        f"Tickets confirmed: {show} at ",
        ORG(venue.name),
        f"\nOrder {E.order_no()} · {E.rng.randint(2, 4)} tickets · total {E.money(20, 300)}\n",
        "Ticket holders: ",
        PER(p1.full),
        " (",
        EM(E.email(p1)),
        "), ",
        PER(p2.full),
        " (",
        EM(E.email(p2)),
        ")\n",
        "Venue: ",
        a.street_parts(),
        ", ",
        a.city_line(),
        "\nDoors open 19:00. Questions: ",
        EM(E.role_email(venue)),
    )


# --- appointment reminders ------------------------------------------------------------------------


@tpl("appointment_reminder")
def appt_dentist(E, d):
    pt, doc = E.person(), E.person()
    clinic, a = E.org("h"), E.address(unit_p=0.6)
    d.w(
        "Dear ",
        TIT(pt.honorific(E.rng)),
        " ",
        PER(pt.surname),
        ",\n\nThis is a reminder of your appointment with ",
        TIT(doc.doctor(E.rng)),
        " ",
        PER(doc.full),
        " at ",
        ORG(clinic.name),
        f" on {E.day()} at {E.time()}.\n\nAddress:\n",
        a.block(unit="own", country=None),
        "\n\nTo reschedule, call ",
        PH(E.phone("land")),
        " or visit ",
        URL(E.url(clinic, f"reschedule?id={digits(E.rng, 6)}")),
        ".\nPlease arrive 10 minutes early and bring your insurance card.",
    )


@tpl("appointment_reminder")
def appt_hospital(E, d):
    pt, doc = E.person(), E.person()
    hosp, a = E.org("h"), E.address(unit_p=0.4)
    nid, lab, nm = E.natid(pt)
    d.w(
        caps([ORG(hosp.name)]),
        f"\nOutpatient Department - {E.pick(['Cardiology', 'Orthopaedics', 'Dermatology', 'Neurology', 'ENT'])}\n",
        "Appointment letter\n\nPatient: ",
        PER(pt.last_first),
        "\nDate of birth: ",
        DOB(E.dob(pt)),
        f"\n{nm}: ",
        (nid, lab),
        "\n",
        "Address: ",
        a.oneline(country=None),
        "\n\n",
        f"Your appointment: {E.date()}, {E.time()}, Clinic {E.rng.randint(1, 12)}, Room {E.rng.randint(1, 240)}\nConsultant: ",
        TIT(doc.doctor(E.rng)),
        " ",
        PER(doc.full),
        "\nIf you cannot attend, please call ",
        PH(E.phone("land")),
        " (Mon-Fri 08:00-16:00).",
    )


@tpl("appointment_reminder")
def appt_sms(E, d):
    pt = E.person()
    org, a = E.org("h"), E.address(unit_p=0.0)
    d.w(
        "Hi ",
        PER(pt.given),
        f", reminder: {E.pick(['physio', 'dental check-up', 'blood test', 'eye exam', 'vaccination'])} "
        f"tomorrow at {E.time()} at ",
        ORG(org.name),
        ", ",
        a.street_parts(),
        ". Reply YES to confirm or call ",
        PH(E.phone("land", "intl00")),
        ". To opt out reply STOP.",
    )


@tpl("appointment_reminder")
def appt_vet(E, d):
    owner, vet = E.person(), E.person()
    clinic, a = E.org("v"), E.address(unit_p=0.0)
    pet = E.pick(PETS)
    d.w(
        "Reminder from ",
        ORG(clinic.name),
        "\n\nDear ",
        PER(owner.full),
        f",\n\n{pet} is due for the annual vaccination on {E.day()}. ",
        TIT(vet.doctor(E.rng)),
        " ",
        PER(vet.surname),
        f" will see {pet} at {E.time()}. {E.decoy()}\n\n",
        ORG(clinic.name),
        " | ",
        a.street_parts(),
        " | ",
        a.city_line(),
        " | ",
        PH(E.phone("land")),
        " | ",
        EM(E.role_email(clinic)),
    )


# --- HR records -----------------------------------------------------------------------------------


@tpl("hr_record")
def hr_employee_card(E, d):
    p, em = E.person(), E.person()
    a = E.address(unit_p=0.5)
    nid, lab, nm = E.natid(p)
    d.w(
        f"EMPLOYEE RECORD - CONFIDENTIAL\nEmployee no.: {digits(E.rng, 6)}\nName: ",
        PER(p.full),
        "\nDate of birth: ",
        DOB(E.dob(p)),
        f"\n{nm}: ",
        (nid, lab),
        "\nHome address:\n",
        a.block(unit="own", country="en", indent="  "),
        "\n",
        "Private phone: ",
        PH(E.phone("mobile")),
        "\nPrivate email: ",
        EM(E.email(p)),
        "\n",
    )
    iban = E.iban()
    if iban:
        d.w("Bank account (IBAN): ", IBAN(iban), "\n")
    d.w(
        f"Department: {E.pick(DEPTS)}   Cost centre: {digits(E.rng, 4)}\nStart date: {E.date(2015, 2024)}\n",
        "Emergency contact: ",
        PER(em.full),
        f" ({E.pick(['spouse', 'partner', 'mother', 'father', 'sister', 'brother'])}), ",
        PH(E.phone()),
    )


@tpl("hr_record")
def hr_onboarding(E, d):
    new, mgr, hr = E.person(), E.person(), E.person()
    org, a = E.org("c"), E.address(unit_p=0.0)
    floor = E.pick(["3rd floor", "2nd floor", "4th floor", "Ground floor", "Building B, 5th floor"])
    d.w(
        "Subject: Welcome to ",
        ORG(org.name),
        ", ",
        PER(new.given),
        "!\n\nHi ",
        PER(new.given),
        f",\n\nWe are excited to have you start on {E.day()}. Please come to our office at 9:00:\n\n",
        ORG(org.name),
        "\n",
        a.street_parts(),
        "\n",
        STR(floor),
        "\n",
        a.city_line(),
        "\n\nAsk reception for ",
        PER(mgr.full),
        f", your manager. Your equipment ({E.product()}) will be ready, and your account is ",
        EM(E.email(new, org)),
        f". {E.decoy()}\n\nBest,\n",
        PER(hr.full),
        "\nPeople Team, ",
        ORG(org.name),
        "\n",
        PH(E.phone("land")),
    )


@tpl("hr_record")
def hr_leave_request(E, d):
    p, cover, boss = E.person(), E.person(), E.person()
    R = E.other() if E.chance(0.5) else E
    c = R.city()
    d.w(
        f"Leave request {E.ticket_no()}\nEmployee: ",
        PER(p.last_first),
        f" (ID {digits(E.rng, 5)})\n",
        f"Type: annual leave   From: {E.date()}   To: {E.date()}   ({E.rng.randint(2, 15)} working days)\nCover: ",
        PER(cover.given),
        "\nApproved by: ",
        TIT(boss.honorific(E.rng)),
        " ",
        PER(boss.surname),
        f" on {E.date()}\nComment: travelling to ",
        LOC(c.name),
        ", ",
        R.country(),
        "; reachable on ",
        PH(E.phone("mobile", "intl")),
        " for emergencies only.",
    )


@tpl("hr_record")
def hr_payroll_change(E, d):
    p, hr = E.person(), E.person()
    a = E.address(unit_p=0.5)
    nid, lab, nm = E.natid(p)
    d.w("Payroll change form\nEmployee: ", PER(p.full), f"\n{nm}: ", (nid, lab), "\n")
    i1 = E.iban()
    if i1:
        d.w("Old account: ", IBAN(i1), "\nNew account: ", IBAN(E.iban()), "\n")
    else:
        d.w("Payment method: direct deposit (new account details on file)\n")
    d.w(
        f"Effective from: {E.month()} payroll\nNew address: ",
        a.oneline(country=None),
        "\nSigned: ",
        PER(p.full),
        f"   Date: {E.date()}\nChecked by: ",
        PER(hr.full),
        ", HR",
    )


@tpl("hr_record")
def hr_termination(E, d):
    org, oa = E.org("c", suffix=True), E.address(unit_p=0.2)
    p, pa = E.person(), E.address(unit_p=0.6)
    hr = E.person()
    nid, lab, nm = E.natid(p)
    t = p.honorific(E.rng)
    d.w(
        ORG(org.name),
        "\n",
        oa.block(unit="same", country=None),
        "\n\n",
        E.date(),
        "\n\n",
        TIT(t),
        " ",
        PER(p.full),
        "\n",
        pa.block(unit="own", country=None),
        "\n\nConfirmation of the end of employment\n\nDear ",
        TIT(t),
        " ",
        PER(p.surname),
        f",\n\nWe confirm that your employment as {E.job()} ends on {E.date()}. Your final salary of {E.money(1500, 7000)} and "
        f"the payment for {E.rng.randint(1, 20)} days of untaken leave will be paid with the {E.month()} payroll. Your {nm} (",
        (nid, lab),
        ") will appear on the employment certificate.\n\n",
        f"Please return your access badge no. {digits(E.rng, 5)} to ",
        PER(hr.full),
        " (",
        EM(E.email(hr, org)),
        ").\n\n",
        "Kind regards,\n",
        PER(hr.full),
    )


@tpl("contact_form")
def form_payment(E, d):
    p, a = E.person(), E.address(unit_p=0.5)
    shop = E.org("s")
    card, brand, _ = E.card()
    d.w(
        "Checkout - ",
        ORG(shop.name),
        f"\nOrder {E.order_no()} · {E.money(20, 700)}\n\n",
        "Cardholder name: ",
        PER(p.full.upper() if E.chance(0.5) else p.full),
        f"\nCard type: {brand}\nCard number: ",
        CARD(card),
        f"\nExpiry: {E.rng.randint(1, 12):02d}/{E.rng.randint(25, 30)}   CVC: ***\nBilling address: ",
        a.oneline(country="en"),
        "\n",
        "Phone: ",
        PH(E.phone()),
        "\nEmail for the receipt: ",
        EM(E.email(p)),
        "\n\n[x] Save this card for future purchases",
    )


@tpl("hr_record")
def hr_secondment(E, d):
    p, hr = E.person(), E.person()
    home = E.org("c", suffix=True)
    H = E.other() if E.L.code == "en_US" else Ctx(E.rng, LOCALES["en_US"], E.used)
    host, ha, boss = H.org("c", suffix=True), H.address(unit_p=0.6), H.person()
    d.w(
        "International assignment record\nEmployee: ",
        PER(p.full),
        "\nHome entity: ",
        ORG(home.name),
        ", ",
        LOC(E.city().name),
        ", ",
        E.country(),
        "\nHost entity: ",
        ORG(host.name),
        "\nHost office: ",
        ha.oneline(country="en"),
        "\n",
        f"Assignment: {E.date(2024, 2025)} to {E.date(2026, 2027)}\n",
    )
    if E.L.code == "en_US":
        nid, lab, nm = E.natid(p)
        d.w(f"{nm}: ", (nid, lab), "\n")
    else:
        nid, lab, nm = E.natid(p)
        d.w(f"Home {nm}: ", (nid, lab), "\nUS Social Security number: ", (nid_us(E.rng, p)[0], "US_SSN"), "\n")
    d.w(
        "Date of birth: ",
        DOB(E.dob(p)),
        "\nHost manager: ",
        PER(boss.full),
        ", ",
        PH(H.phone("land")),
        "\n",
        f"Housing allowance: {E.money(800, 3000)} per month\nPrepared by: ",
        PER(hr.full),
        ", ",
        EM(E.email(hr, home)),
    )


@tpl("business_letter")
def letter_tax_preparer(E, d):
    client, ca = E.person(), E.address(unit_p=0.5)
    U = E if E.L.code == "en_US" else Ctx(E.rng, LOCALES["en_US"], E.used)
    s1, s2 = E.rng.sample([f[0] for f in U.L.family_pairs], 2)
    firm = U.org_named(f"{s1} & {s2} {E.pick(['Tax Advisors', 'Tax Services', 'CPAs'])}", E.pick(["LLP", "PLLC", None]))
    fa, me = U.address(unit_p=0.5), U.person()
    ssn = nid_us(E.rng, client)[0]
    d.w(
        ORG(firm.name),
        "\n",
        fa.block(unit="same", country=None),
        "\nPhone: ",
        PH(U.phone("land", "paren")),
        "   Fax: ",
        PH(U.phone("land", "paren")),
        "\n\n",
        E.date(),
        "\n\n",
        PER(client.full),
        "\n",
        ca.block(unit="own", country="en"),
        "\n\n",
        f"Re: {E.rng.randint(2022, 2024)} US federal return (Form 1040) for ",
        PER(client.full),
        " (SSN ",
        (ssn, "US_SSN"),
        ")\n\n",
        "Dear ",
        TIT(client.honorific(E.rng)),
        " ",
        PER(client.surname),
        ",\n\n",
        f"As a US citizen living abroad you still have to file a federal return by June 15. We prepared it from the documents "
        f"you sent on {E.date()}; foreign earned income of {U.money(20000, 90000)} is excluded up to the annual limit. Please sign "
        "page 2 and send it back by post or as a scan to ",
        EM(U.email(me, firm)),
        ".\n\nSincerely,\n\n",
        PER(me.full),
        ", CPA",
    )


# --- documents without personal data (look-alikes only) --------------------------------------------


@tpl("forum_post", pii=False)
def np_release_notes(E, d):
    d.w(
        f"Announcement: version {E.version()} released\nPosted {E.date()}\n\nWhat's new:\n",
        f"- Export is up to {E.pct()} faster for large files.\n",
        f"- Fixed a crash when more than {E.rng.randint(50, 900)} items were selected (ticket {E.ticket_no()}).\n",
        "- The May update of the price list is now included.\n",
        f"- Firmware {E.version()} adds support for the {E.product()}.\n{E.decoy()}\n\nThanks to everyone who reported bugs!",
    )


@tpl("chat_transcript", pii=False)
def np_order_chat(E, d):
    ck = Clock(E)
    amt = E.money(10, 600)
    d.w(
        f"{ck()} customer: hi, where is order {E.order_no()}?\n",
        f"{ck()} agent: It left our warehouse on {E.weekday()} and is now at the local depot, tracking {E.tracking()}.\n",
        f"{ck()} customer: Will it arrive before {E.weekday()}?\n",
        f"{ck()} agent: Yes, expected {E.day()} between {E.time()} and 18:00.\n",
        f"{ck()} customer: and the bill? I was charged {amt} twice\n",
        f"{ck()} agent: The second charge of {amt} is a pre-authorisation and drops off within {E.rng.randint(3, 10)} days.\n",
        f"{ck()} customer: ok, thanks",
    )


@tpl("invoice", pii=False)
def np_invoice_lines(E, d):
    d.w(
        f"PRO FORMA {E.invoice_no()}\nDate: {E.date()}\n\nPos  Description                     SKU              Qty    Net\n"
    )
    for i in range(1, E.rng.randint(3, 6)):
        d.w(f"{i}    {E.product()}    {E.sku()}    {E.qty()}    {E.money(5, 900)}\n")
    d.w(
        f"\nSubtotal {E.money(100, 5000)}\nVAT {E.pct()}   {E.money(10, 900)}\nTotal {E.money(100, 6000)}\n",
        f"Payment due within 30 days. {E.decoy()}",
    )


@tpl("meeting_notes", pii=False)
def np_sprint_notes(E, d):
    d.w(
        f"Sprint review - sprint {E.rng.randint(10, 90)} - {E.date()}\n",
        f"- Velocity: {E.rng.randint(20, 80)} points ({E.pct()} of plan)\n",
        f"- Release {E.version()} moved to {E.weekday()}; QA found {E.rng.randint(1, 6)} blockers (tickets {E.ticket_no()}, {E.ticket_no()}).\n",
        f"- Rose-gold variant of the {E.product()} postponed to {E.month()}.\n",
        f"- Action: the team will mark stale tickets as won't-fix by {E.date()}.\n",
        f"- {E.decoy()}\nNext review: {E.date()}, {E.time()}, Room {E.rng.randint(1, 420)}.",
    )


@tpl("support_ticket", pii=False)
def np_device_ticket(E, d):
    d.w(
        f"Ticket {E.ticket_no()} | Status: open | Priority: normal\nProduct: {E.product()}, firmware {E.version()}\n",
        f"Error: E-{digits(E.rng, 4)} after the update from {E.version()} to {E.version()}\n",
        f"Steps to reproduce: power on, wait {E.rng.randint(2, 20)} minutes, open settings.\nLast seen: {E.date()} {E.time()}\n",
        "Frank assessment from second-level support: a hardware fault is unlikely; replace the cable first.\n",
        E.decoy(),
    )


@tpl("booking_confirmation", pii=False)
def np_booking(E, d):
    n = E.rng.randint(1, 7)
    d.w(
        f"Your booking {E.ref(6)} is confirmed.\nRoom {E.rng.randint(101, 620)}, check-in {E.date()} from 15:00, check-out by 11:00.\n",
        f"{n} night{'s' if n > 1 else ''}, breakfast included, total {E.money(80, 2000)}.\n",
        f"Parking: level -2, space {E.rng.randint(1, 240)}. Wi-Fi code: {E.ref(8)}\n",
        f"Free cancellation until {E.date()}. May we wish you a pleasant stay.",
    )


@tpl("delivery_note", pii=False)
def np_delivery(E, d):
    d.w(
        f"DELIVERY NOTE {digits(E.rng, 7)}\nPallet {E.rng.randint(1, 3)} of {E.rng.randint(3, 8)} · Gate {E.pick('ABCD')}{E.rng.randint(1, 30)} · {E.date()} {E.time()}\n"
    )
    for i in range(1, E.rng.randint(3, 6)):
        d.w(f"Pos {i}  {E.product()}  {E.sku()}  {E.qty()}\n")
    d.w(f"Total weight {E.rng.randint(20, 900)} kg. Please mark any damage on the CMR before signing.")


@tpl("appointment_reminder", pii=False)
def np_reminder(E, d):
    d.w(
        f"Reminder: your appointment is on {E.day()} at {E.time()}, Room {E.rng.randint(1, 40)}, Level {E.rng.randint(0, 6)}.\n",
        f"Please bring your insurance card and arrive 10 minutes early. Parking costs {E.money(1, 5)} per hour. ",
        f"To cancel, reply CANCEL to this message. Ref {E.ref(7)}.",
    )


@tpl("contact_form", pii=False)
def np_feedback_form(E, d):
    d.w(
        f"Product feedback form\nOrder no.: {E.order_no()}\nProduct: {E.product()}\nRating: {E.rng.randint(1, 5)}/5\n",
        "Would you recommend it? Yes\n",
        f"Comments: Battery life dropped about {E.pct()} after the {E.version()} update. Will there be a fix in {E.month()}?",
    )


@tpl("shipping_label", pii=False)
def np_parcel_label(E, d):
    d.w(
        f"PARCEL {E.rng.randint(1, 2)}/{E.rng.randint(2, 4)}\nTRACKING {E.tracking()}\n",
        f"WEIGHT {E.rng.randint(1, 30)}.{E.rng.randint(0, 9)} KG   DIMS {E.rng.randint(20, 80)}x{E.rng.randint(20, 60)}x{E.rng.randint(10, 40)} CM\n",
        f"SERVICE: EXPRESS 10:30\nCONTENTS: {E.product().upper()} x{E.rng.randint(1, 6)}\nHANDLE WITH CARE · THIS SIDE UP",
    )


@tpl("hr_record", pii=False)
def np_policy_update(E, d):
    d.w(
        f"Policy update {E.version()}\nEffective {E.date()}: annual leave entitlement rises from 26 to 28 days. ",
        f"Overtime above {E.rng.randint(5, 20)} hours per month is paid at 125%. ",
        f"Grant applications for training close on {E.date()}. Questions go to the HR desk, Room {E.rng.randint(1, 300)}.",
    )


# ----------------------------------------------------------------------------------------------------
# build, write, check
# ----------------------------------------------------------------------------------------------------


def build():
    """Returns (records, values): values[i] lists the inserted value of every span of record i."""
    rng = random.Random(SEED)
    pii = [t for t in TEMPLATES if t.pii]
    nopii = [t for t in TEMPLATES if not t.pii]
    n_no = round(N_DOCS * NO_PII_SHARE)
    flags = [True] * n_no + [False] * (N_DOCS - n_no)
    rng.shuffle(flags)
    locs = (LOCALE_CODES * (N_DOCS // len(LOCALE_CODES) + 1))[:N_DOCS]
    rng.shuffle(locs)
    deck_p: list[Template] = []
    deck_n: list[Template] = []
    records, values, names = [], [], []
    for i in range(N_DOCS):
        if flags[i]:
            if not deck_n:
                deck_n = nopii[:]
                rng.shuffle(deck_n)
            t = deck_n.pop()
        else:
            if not deck_p:
                deck_p = pii[:]
                rng.shuffle(deck_p)
            t = deck_p.pop()
        L = LOCALES[locs[i]]
        d = Doc()
        t.fn(Ctx(rng, L), d)
        spans = sorted(d.spans)
        records.append(
            {
                "id": f"f{i + 1:04d}",
                "locale": L.code,
                "layout": t.layout,
                "text": d.text(),
                "spans": [{"start": s, "end": e, "label": lab} for s, e, lab, _ in spans],
            }
        )
        values.append([v for _, _, _, v in spans])
        names.append(t.name)
    return records, values, names


def serialise(records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# fmt: off
COVERAGE_LABELS = {"PERSON", "ORGANIZATION", "STREET_ADDRESS", "LOCATION", "POSTCODE", "PHONE_NUMBER", "EMAIL_ADDRESS",
                   "URL", "DOMAIN_NAME", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "NATIONAL_ID", "IP_ADDRESS", "DATE_OF_BIRTH"}
# fmt: on


def self_check(path: Path, values, names) -> list[str]:
    """Re-reads the written file; returns warnings (errors raise AssertionError)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(values) == N_DOCS, (len(lines), len(values))
    warnings = []
    known = set()
    for L in LOCALES.values():
        for n in L.female + L.male + [x for pr in L.family_pairs for x in pr]:
            known.update(w for w in n.split() if len(w) >= 3 and w[0].isupper())
        for c in L.cities:
            known.add(c.name)
    seen_ids = set()
    n_empty = 0
    for k, (line, vals) in enumerate(zip(lines, values)):
        r = json.loads(line)
        assert list(r) == ["id", "locale", "layout", "text", "spans"], list(r)
        assert r["id"] == f"f{k + 1:04d}" and r["id"] not in seen_ids
        seen_ids.add(r["id"])
        text, spans = r["text"], r["spans"]
        assert len(spans) == len(vals), r["id"]
        if not spans:
            n_empty += 1
        prev_end = 0
        for sp, v in zip(spans, vals):
            s, e, lab = sp["start"], sp["end"], sp["label"]
            assert lab in LABELS, (r["id"], lab)
            assert 0 <= s < e <= len(text), (r["id"], sp)
            assert text[s:e] == v, (r["id"], text[s:e], v)
            assert not text[s].isspace() and not text[e - 1].isspace(), (r["id"], v)
            assert s >= prev_end, (r["id"], "overlap", sp)
            prev_end = e
        # every other occurrence of a labelled value must lie inside some span
        for sp, v in zip(spans, vals):
            if sp["label"] not in COVERAGE_LABELS or len(v) < 3 or (v.replace(" ", "").isdigit() and len(v) < 7):
                continue
            for m in re.finditer(r"(?<!\w)" + re.escape(v) + r"(?!\w)", text):
                if not any(o["start"] <= m.start() and m.end() <= o["end"] for o in spans):
                    raise AssertionError(f"{r['id']}: unlabelled repeat of {sp['label']} {v!r} at {m.start()}")
        # name-like tokens outside spans are reported for review (they may be deliberate look-alikes)
        for m in re.finditer(r"[^\W\d_][\w'-]*", text):
            if m.group(0) in known and not any(o["start"] <= m.start() < o["end"] for o in spans):
                warnings.append(f"{r['id']} ({names[k]}): {m.group(0)!r} outside spans")
    share = n_empty / N_DOCS
    assert 0.13 <= share <= 0.17, share
    return warnings


def summary(records, names):
    print(
        f"{len(records)} documents, {len({r['locale'] for r in records})} locales, {len(set(names))} templates "
        f"({sum(1 for t in TEMPLATES if not t.pii)} without PII), "
        f"{sum(1 for r in records if not r['spans'])} documents without PII"
    )
    for title, counter in (
        ("documents per locale", Counter(r["locale"] for r in records)),
        ("documents per layout", Counter(r["layout"] for r in records)),
        ("spans per label", Counter(s["label"] for r in records for s in r["spans"])),
    ):
        print(f"\n{title}:")
        for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {key:<24} {n}")


def main() -> int:
    assert len(TEMPLATES) >= 60 and len(LOCALES) >= 15
    records, values, names = build()
    data = serialise(records)
    again = serialise(build()[0])
    assert data == again, "generator is not deterministic"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data.encode("utf-8"))
    warnings = self_check(OUT, values, names)
    print(f"wrote {OUT.relative_to(REPO)}; self-check passed")
    if warnings and "-v" in sys.argv:
        print(f"\nname-like words outside spans (review; look-alikes are intended): {len(warnings)}")
        for w in warnings:
            print("  " + w)
    summary(records, names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
