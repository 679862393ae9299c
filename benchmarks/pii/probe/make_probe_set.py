"""Generate the PII "probe" set: benchmarks/pii/data/text_probe.jsonl.

This is a DEVELOPMENT set -- the detector may be tuned on it. It was written
independently of the detector code and of the other benchmark sets (own
templates, own value lists), so it measures generalisation across document
layouts rather than memorised phrasing. It stresses the detector's weakest
classes: ORGANIZATION (mostly names WITHOUT a legal-form suffix), LOCATION
(towns, villages, regions, countries, ALL CAPS, inside address blocks) and
STREET_ADDRESS lines in many national formats. Other PII appears at lower
density; about 12% of documents contain no PII at all, only look-alikes.

Label conventions
-----------------
* PERSON: whole name as one span (any order / initials / ALL CAPS /
  "NOWAK/ANNA"); a given name or surname alone is also PERSON. A TITLE
  (Mr, Dr., Frau, Pani, ...) is its own span in front of the PERSON span.
* ORGANIZATION: companies, shops, schools, hospitals, clinics, hotels, NGOs,
  clubs, councils, teams; legal-form suffix is inside the span. A place or
  person name inside an organisation name is part of the ORGANIZATION span.
* STREET_ADDRESS: a street line (with its unit when on the same line), a unit
  line of its own, a PO box line, a building-name line.
* LOCATION: each city / town / district / region / country is its own span.
* POSTCODE, PHONE_NUMBER (prefix and its parentheses, no "Tel."/"mobile"
  words), EMAIL_ADDRESS, URL (scheme or www.), DOMAIN_NAME (bare host),
  IBAN_CODE, CREDIT_CARD, US_SSN, NATIONAL_ID, IP_ADDRESS, DATE_OF_BIRTH.
* Not labelled: order / invoice / ticket / customer numbers, SKUs, VAT ids,
  amounts, ordinary dates and times, product names, job titles, departments,
  generic phrases ("the council", "the bank"), nationality words, weekdays.
* Spans never overlap and never start or end on whitespace.

Texts are built from segments (literal text + labelled values), so offsets
are exact. Standard library only, fixed seed, byte-identical output.

Usage:  python3 benchmarks/pii/probe/make_probe_set.py
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

SEED = 7310
N_DOCS = 700
NEG_SHARE = 0.12
OUT = Path(__file__).resolve().parents[1] / "data" / "text_probe.jsonl"

LABELS = {
    "PERSON", "TITLE", "ORGANIZATION", "STREET_ADDRESS", "LOCATION", "POSTCODE", "PHONE_NUMBER",
    "EMAIL_ADDRESS", "URL", "DOMAIN_NAME", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "NATIONAL_ID",
    "IP_ADDRESS", "DATE_OF_BIRTH",
}  # fmt: skip

PER, TIT, ORG, STR, LOC, PC = "PERSON", "TITLE", "ORGANIZATION", "STREET_ADDRESS", "LOCATION", "POSTCODE"
PHO, EML, URL, DOM = "PHONE_NUMBER", "EMAIL_ADDRESS", "URL", "DOMAIN_NAME"


def S(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()]


class Loc:
    """Per-locale value tables. Tagged entries look like 'k:Name' (k = organisation kind)."""

    def __init__(self, code, country, tld, mail, **kw):
        self.code, self.country, self.tld, self.mail = code, country, tld, S(mail)
        fem, male = kw["g"].split("/")
        self.given = {"f": S(fem), "m": S(male)}
        self.family = S(kw["f"])
        tf, tm = kw["ti"].split("/")
        self.titles = {"f": S(tf), "m": S(tm)}
        self.streets = S(kw["st"])
        self.sfmt = S(kw["sf"])
        self.towns = S(kw["t"])
        self.regions = S(kw["r"])
        self.pc = S(kw["pc"])
        self.addr = kw.get("addr", "{st}\n{pc} {t}")
        self.phones = S(kw["ph"])
        self.pob = S(kw.get("pob", "PO Box {N}"))
        self.legal = S(kw["lf"])
        self.orgs = [tuple(x.split(":", 1)) for x in S(kw["o"])]
        self.opats = [tuple(x.split(":", 1)) for x in S(kw.get("op", ""))]
        self.units = S(kw.get("ul", ""))
        self.bldgs = S(kw.get("bl", ""))
        self.fam_first = kw.get("ff", False)
        self.nat = kw.get("nat", "local")


LOCALES: list[Loc] = []


def L(*a, **kw):
    LOCALES.append(Loc(*a, **kw))


# fmt: off
EN_UNITS = "Suite {N}|Apt. {u}|Unit {u}{L}|Floor {f}"
EN_BLDG = "Riverside House|Kingsway Court|Mercury House|The Old Mill|Victoria Buildings|Harbour Point|Albion Works"

L(
    "en_US", "United States", "com", "gmail.com|yahoo.com|outlook.com|aol.com", nat="American",
    g="Jennifer|Emily|Ashley|Megan|Sarah|Olivia/Michael|James|Tyler|Brandon|Daniel|Kevin",
    f="Johnson|Williams|Brown|Miller|Davis|Garcia|Rodriguez|Anderson|Thompson|Nguyen|Hernandez|Kowalczyk",
    ti="Ms.|Mrs.|Dr./Mr.|Dr.",
    st="Maple Avenue|Oak Street|Elm Street|Washington Boulevard|Sunset Drive|Lakeview Road|Pine Ridge Lane|Main Street|"
    "Cedar Court|Highland Parkway", sf="{N} {s}|{N} {s}, Apt {u}{L}|{N} {s}, Suite {S}|{N} W {s}|{N} {s} #{u}",
    t="Springfield@IL|Austin@TX|Boise@ID|Portland@OR|Ithaca@NY|Bozeman@MT|Sedona@AZ|Bar Harbor@ME|Galena@IL|Marfa@TX|"
    "Dayton@OH|Asheville@NC", r="Illinois|Texas|Idaho|Oregon|New York|Montana|Arizona|Maine|Ohio|North Carolina",
    pc="#####|#####|#####-####", addr="{st}\n{t}, {ra} {pc}",
    ph="(%##) %##-####|+1 %##-%##-####|%##-%##-####|+1 (%##) %##-####|%##.%##.####", pob="P.O. Box {N}|PO Box {N}",
    lf="Inc.|LLC|Corp.|, Inc.|L.P.", ul=EN_UNITS, bl="Commerce Tower|Riverside Plaza|One Market Center",
    o="b:Cascade Freight Partners|r:Blue Door Diner|r:Hilltop Hardware|e:Lincoln Elementary School|"
    "e:University of Northern Ohio|h:Mercy General Hospital|h:Lakeside Pediatrics|n:Second Harvest Pantry|"
    "c:Capital City Rowing Club|p:Travis County Clerk's Office|l:Kline & Porter LLP|b:Redwood Data Systems Inc.|"
    "b:Prairie Mills LLC|r:Joe's Auto Body|b:Summit Ridge Capital|r:The Rusty Spoon",
    op="b:{F} Brothers|b:{F} & Sons|r:{F}'s Bakery|l:{F} Law Group|h:{F} Family Dental|p:{T} City Council|"
    "e:{T} High School|c:{T} Youth Soccer League")

L(
    "en_GB", "United Kingdom", "co.uk", "gmail.com|btinternet.com|hotmail.co.uk|yahoo.co.uk", nat="British",
    g="Charlotte|Emma|Sophie|Hannah|Lucy|Amelia/Oliver|Harry|George|Jack|Thomas|William",
    f="Smith|Jones|Taylor|Evans|Hughes|Wright|Clarke|Patel|Robinson|Walker|Ashworth|Pryce",
    ti="Ms|Mrs|Miss|Dr/Mr|Dr|Prof.",
    st="Station Road|High Street|Church Lane|Victoria Road|Mill Lane|Park Avenue|Queen's Road|The Crescent|Kingsway|"
    "Orchard Close", sf="{n} {s}|Flat {u}, {n} {s}|{n}{L} {s}|Flat {u}, {n} {s}|{n} {s}",
    t="London|Manchester|Leeds|Bristol|York|Whitby|Ambleside|Chipping Norton|Tetbury|Much Wenlock|Hebden Bridge|"
    "Bourton-on-the-Water",
    r="Yorkshire|Cumbria|Gloucestershire|Shropshire|Greater Manchester|Oxfordshire|Devon|Scotland|Wales",
    pc="AA# #AA|A## #AA|AA## #AA|AA#A #AA", addr="{st}\n{t}\n{pc}",
    ph="+44 (0)20 #### ####|+44 7### ######|01### ######|020 #### ####|07### ### ###", lf="Ltd|Limited|plc|LLP|Ltd.",
    ul="Flat {u}|Unit {u}|Suite {u}", bl=EN_BLDG,
    o="b:Pennine Textiles|r:The Crooked Billet|r:Hartley's Tea Rooms|e:Northfield Primary School|"
    "e:University of Wessex|"
    "h:St Anne's Hospital|h:Moorside Surgery|n:Shelterwise|c:Hebden Harriers|p:Birmingham City Council|"
    "l:Ashworth Pryce Solicitors|b:Greystone Engineering Ltd|b:Marlow Print Works|r:Crumb & Crust Bakery|"
    "b:Thistle Lane Media|b:Kestrel Insurance Services plc",
    op="b:{F} & Sons|b:{F} Brothers|l:{F} & Co Solicitors|p:{T} Borough Council|e:{T} Grammar School|"
    "c:{T} Cricket Club|h:{T} Medical Centre|r:{T} Garden Centre")

L(
    "en_IE", "Ireland", "ie", "gmail.com|eircom.net|outlook.com", nat="Irish",
    g="Aoife|Siobhán|Niamh|Ciara|Orla|Sinéad/Seán|Cian|Pádraig|Eoin|Darragh|Conor",
    f="Murphy|O'Brien|Kelly|Byrne|Ryan|O'Sullivan|Walsh|McCarthy|Doyle|Fitzgerald|Brennan|Quinlan",
    ti="Ms|Mrs|Dr/Mr|Dr",
    st="Main Street|O'Connell Street|Church Road|Strand Road|Patrick Street|Bridge Street|Grafton Street|Mary Street|"
    "Shop Street|Quay Street", sf="{n} {s}|Apt {u}, {n} {s}|{n} Upper {s}|Unit {u}, {s}|{n} Lower {s}",
    t="Dublin@Co. Dublin|Cork@Co. Cork|Galway@Co. Galway|Kinsale@Co. Cork|Dingle@Co. Kerry|Clifden@Co. Galway|"
    "Westport@Co. Mayo|Kilkenny@Co. Kilkenny|Ennistymon@Co. Clare|Lahinch@Co. Clare|Bantry@Co. Cork",
    r="Munster|Connacht|Leinster|County Kerry|County Clare|County Mayo", pc="A## A#A#|D0# AA##",
    addr="{st}\n{t}\n{ra}\n{pc}", ph="+353 1 ### ####|+353 8# ### ####|021 ### ####|087 ### ####",
    lf="Ltd|DAC|Teoranta|Limited", ul="Apt {u}|Unit {u}|Suite {u}", bl=EN_BLDG,
    o="b:Atlantic Seafoods|r:Murphy's Pharmacy|r:The Tide Inn|e:Scoil Mhuire|e:University of the West Coast|"
    "h:Bon Secours Clinic Galway|h:Mercy Care Centre|n:Trócaire Friends|c:Kinsale Sailing Club|p:Cork County Council|"
    "l:Brennan Quinlan Solicitors|b:Emerald Agri Supplies Ltd|b:Connemara Woollens|r:Cafe Rua|b:Shannon Aero Parts",
    op="b:{F} & Sons|r:{F}'s Bar|l:{F} Solicitors|c:{T} GAA Club|e:{T} Community College|p:{T} Town Council")

L(
    "en_AU", "Australia", "com.au", "gmail.com|bigpond.com|outlook.com", nat="Australian",
    g="Chloe|Mia|Jessica|Zoe|Isla|Matilda/Liam|Jack|Cooper|Lachlan|Riley|Hamish",
    f="Smith|Wilson|Nguyen|Kelly|Taylor|Campbell|Mitchell|O'Connor|Harris|Stewart|Papadakis|Tran", ti="Ms|Mrs|Dr/Mr|Dr",
    st="George Street|Bourke Street|Beach Road|Chapel Street|Smith Street|Anzac Parade|Wattle Avenue|Bay Road|"
    "Gum Tree Lane|Hunter Street", sf="{n} {s}|Unit {u}, {n} {s}|{u}/{n} {s}|Level {f}, {n} {s}|Shop {u}, {n} {s}",
    t="Sydney@NSW|Melbourne@VIC|Brisbane@QLD|Perth@WA|Hobart@TAS|Byron Bay@NSW|Mudgee@NSW|Daylesford@VIC|"
    "Margaret River@WA|Noosa Heads@QLD|Bright@VIC|Kiama@NSW",
    r="New South Wales|Victoria|Queensland|Western Australia|Tasmania|South Australia", pc="####",
    addr="{st}\n{t} {ra} {pc}", ph="+61 2 #### ####|+61 4## ### ###|(02) #### ####|04## ### ###",
    lf="Pty Ltd|Pty. Ltd.|Ltd", ul="Level {f}|Unit {u}|Suite {u}", bl="Harbour Point|Wattle House",
    o="b:Southern Cross Freight|r:Bondi Bean Co|r:The Gumnut Cafe|e:Riverbank Public School|"
    "e:Coastal Institute of TAFE|"
    "h:St Vincent's Private Clinic|h:Bayside Medical Group|n:Landcare Friends|c:Manly Surf Life Saving Club|"
    "p:City of Sydney Council|l:Harris Tran Lawyers|b:Outback Solar Pty Ltd|b:Kookaburra Software|"
    "r:Mudgee Wine Cellars",
    op="b:{F} Bros|r:{F}'s Butchery|l:{F} Legal|p:{T} Shire Council|c:{T} Football Club|e:{T} High School")

L(
    "en_CA", "Canada", "ca", "gmail.com|shaw.ca|rogers.com|outlook.com", nat="Canadian",
    g="Emma|Chloé|Madison|Avery|Sophie|Léa/Ethan|Logan|Noah|Félix|Owen|Liam",
    f="Tremblay|Roy|Gagnon|MacDonald|Campbell|Bouchard|Singh|Wong|Fraser|Leblanc|Morrison|Côté",
    ti="Ms.|Mrs.|Dr./Mr.|Dr.",
    st="King Street West|Yonge Street|Rue Sainte-Catherine|Granville Street|Maple Crescent|Spadina Avenue|"
    "Jasper Avenue|Portage Avenue|Water Street|Elgin Street",
    sf="{N} {s}|{u}-{N} {s}|{N} {s}, Unit {u}|{N} {s}, Suite {S}",
    t="Toronto@ON|Montréal@QC|Vancouver@BC|Calgary@AB|Halifax@NS|Tofino@BC|Canmore@AB|Lunenburg@NS|"
    "Niagara-on-the-Lake@ON|Baie-Saint-Paul@QC|Gimli@MB|Whitehorse@YT",
    r="Ontario|Quebec|British Columbia|Alberta|Nova Scotia|Manitoba|Yukon", pc="A#A #A#", addr="{st}\n{t}, {ra} {pc}",
    ph="+1 (%##) %##-####|(%##) %##-####|%##-%##-####|+1 %##-%##-####", pob="P.O. Box {N}|PO Box {N}|C.P. {N}",
    lf="Inc.|Ltd.|Corp.|ULC|Ltée", ul=EN_UNITS, bl="Bay Adelaide Centre|Harbourfront Tower",
    o="b:Northern Lights Bakery|b:Maple Ridge Logistics|r:Tim's Tackle Shop|e:Lakehead Collegiate|e:Université du Nord|"
    "h:Sunnybrook Family Clinic|h:Hôpital Sainte-Anne|n:Frontier Food Bank|c:Calgary Curling Club|"
    "p:City of Halifax|l:Fraser Leblanc LLP|b:Boreal Timber Corp.|r:Chez Ginette|b:Polar Byte Analytics",
    op="b:{F} & Fils|r:Boulangerie {F}|l:{F} Legal|p:{T} Town Council|c:{T} Hockey Club|e:{T} Secondary School")

L(
    "en_ZA", "South Africa", "co.za", "gmail.com|mweb.co.za|telkomsa.net", nat="South African",
    g="Thandiwe|Lerato|Naledi|Anika|Zanele|Palesa/Sipho|Thabo|Pieter|Johan|Kagiso|Ruan",
    f="Nkosi|Dlamini|van der Merwe|Botha|Naidoo|Mokoena|Pretorius|Khumalo|Venter|Ndlovu|Pillay|Molefe",
    ti="Ms|Mrs|Dr/Mr|Dr",
    st="Long Street|Jan Smuts Avenue|Voortrekker Road|Oxford Road|Main Road|Church Street|Loop Street|Rivonia Road|"
    "Beach Road|Kloof Street", sf="{n} {s}|Unit {u}, {n} {s}|{n} {s}|Flat {u}, {n} {s}",
    t="Cape Town|Johannesburg|Durban|Pretoria|Stellenbosch|Knysna|Clarens|Hermanus|Prince Albert|Franschhoek|"
    "Graaff-Reinet|Sandton", r="Western Cape|Gauteng|KwaZulu-Natal|Eastern Cape|Free State|Limpopo", pc="####",
    addr="{st}\n{t}\n{pc}", ph="+27 21 ### ####|+27 8# ### ####|011 ### ####|082 ### ####",
    lf="(Pty) Ltd|Pty Ltd|Ltd|Inc.|NPC", ul="Unit {u}|Suite {u}", bl="Block B, Greenpark Corner|Sunclare Building",
    o="b:Ubuntu Freight|r:Karoo Padstal|r:The Biltong Shack|e:Rondebosch Boys' High School|"
    "e:University of the Highveld|"
    "h:Groote Schuur Day Clinic|h:Mediclinic Knysna|n:Siyakhula Trust|c:Stellenbosch Rugby Club|"
    "p:City of Johannesburg|l:Venter Naidoo Attorneys|b:Protea Mining (Pty) Ltd|b:Sunbird Solar|"
    "r:Franschhoek Cellar Door",
    op="b:{F} & Seuns|r:{F}'s Butchery|l:{F} Attorneys|c:{T} Cricket Club|p:{T} Municipality")

L(
    "en_IN", "India", "in", "gmail.com|rediffmail.com|yahoo.co.in", nat="Indian",
    g="Priya|Ananya|Kavya|Sneha|Deepika|Lakshmi/Rahul|Arjun|Vikram|Sanjay|Aditya|Karthik",
    f="Sharma|Patel|Iyer|Reddy|Nair|Gupta|Menon|Singh|Banerjee|Rao|Deshmukh|Chatterjee", ti="Ms.|Mrs.|Dr./Mr.|Dr.|Shri",
    st="MG Road|Brigade Road|4th Cross Road|Linking Road|Anna Salai|Park Street|Residency Road|Station Road|"
    "Nehru Nagar Main Road|Carter Road", sf="{n} {s}|Flat {u}, {n} {s}|No. {n}, {s}|{u}/{n}, {s}",
    t="Bengaluru@Karnataka|Mumbai@Maharashtra|Chennai@Tamil Nadu|Kolkata@West Bengal|Pune@Maharashtra|"
    "Mysuru@Karnataka|Munnar@Kerala|Hampi@Karnataka|Udaipur@Rajasthan|Alibaug@Maharashtra|Kochi@Kerala",
    r="Karnataka|Maharashtra|Tamil Nadu|Kerala|Rajasthan|West Bengal", pc="######", addr="{st}\n{t} {pc}\n{ra}",
    ph="+91 98### #####|+91 80 #### ####|98### #####|+91-22-####-####", lf="Pvt. Ltd.|Private Limited|Ltd.|LLP",
    ul="Flat {u}|Floor {f}", bl="Prestige Towers|Sai Krupa Apartments",
    o="b:Sahyadri Spices|r:Annapoorna Sweets|r:Hotel Green Park|e:Delhi Public School|"
    "e:Indian Institute of Design Studies|"
    "h:Manipal Care Clinic|h:Lilavati Eye Hospital|n:Akshaya Patra Friends|c:Bombay Gymkhana|"
    "p:Pune Municipal Corporation|"
    "l:Rao & Menon Advocates|b:Nimbus Infotech Pvt. Ltd.|b:Kaveri Textiles|r:Chai Point Corner|b:Tata Coffee Growers",
    op="b:{F} & Sons|b:{F} Traders|r:{F} Jewellers|l:{F} Associates|h:{F} Nursing Home")

L(
    "de_DE", "Germany", "de", "web.de|gmx.de|t-online.de|gmail.com", nat="German",
    g="Anna|Katharina|Lena|Sabine|Julia|Monika/Lukas|Jonas|Markus|Stefan|Tobias|Jürgen",
    f="Müller|Schmidt|Schneider|Fischer|Weber|Becker|Hoffmann|Schäfer|Hartmann|Krüger|Wagner|Zimmermann",
    ti="Frau|Dr.|Frau Dr./Herr|Dr.|Prof.|Herr Dr.",
    st="Hauptstraße|Bahnhofstraße|Schillerstraße|Gartenweg|Lindenallee|Am Marktplatz|Goethestraße|Kirchgasse|"
    "Friedrichstraße|Mühlenweg", sf="{s} {n}|{s} {na}|{s} {n}, {f}. OG|{s} {n}-{u}",
    t="Berlin|München|Hamburg|Köln|Leipzig|Freiburg im Breisgau|Rothenburg ob der Tauber|Bad Tölz|Quedlinburg|"
    "Meersburg|"
    "Wernigerode|Oberstdorf",
    r="Bayern|Sachsen|Baden-Württemberg|Nordrhein-Westfalen|Niedersachsen|Brandenburg|Schleswig-Holstein", pc="#####",
    ph="+49 30 ########|+49 (0)89 #######|+49 151 ########|030 #######|0171 #######",
    pob="Postfach {N}|Postfach {n} {n}", lf="GmbH|AG|GmbH & Co. KG|KG|e.K.|UG (haftungsbeschränkt)",
    o="b:Zentrix Software|r:Bäckerei Sonnenschein|r:Gasthof zum Hirschen|e:Gymnasium am Stadtpark|"
    "e:Hochschule Niederrhein|h:Klinikum Schwabing|h:Praxis am Dom|n:Tafel Nord|c:TSV 1860 Rosenheim|"
    "p:Stadtwerke Leipzig|l:Kanzlei Weber & Krüger|b:Mittelstand Maschinenbau GmbH|b:Rheinblick Logistik AG|"
    "r:Hotel Alpenrose|b:Nordlicht Medien|r:Buchhandlung Seitenweise",
    op="b:Hartmann & Söhne|b:{F} & Söhne|r:Bäckerei {F}|r:Autohaus {F}|r:Metzgerei {F}|p:Stadtverwaltung {T}|"
    "h:Klinikum {T}|c:SV {T}|e:Gymnasium {T}")

L(
    "de_AT", "Austria", "at", "gmx.at|aon.at|gmail.com", nat="Austrian",
    g="Maria|Theresa|Johanna|Elisabeth|Magdalena|Verena/Florian|Lukas|Andreas|Matthias|Wolfgang|Georg",
    f="Gruber|Huber|Bauer|Wagner|Pichler|Steiner|Moser|Mayer|Hofer|Leitner|Berger|Egger",
    ti="Frau|Mag.|Dr.|DI/Herr|Mag.|Dr.|Ing.|DI",
    st="Mariahilfer Straße|Landstraßer Hauptstraße|Herrengasse|Getreidegasse|Kärntner Ring|Linzer Gasse|Dorfstraße|"
    "Schulgasse|Annenstraße|Bergweg", sf="{s} {n}|{s} {n}/{u}|{s} {n}/{f}/{u}|{s} {na}",
    t="Wien|Graz|Salzburg|Linz|Innsbruck|Hallstatt|Zell am See|Dürnstein|Bad Ischl|Kitzbühel|Mariazell|Lech",
    r="Tirol|Steiermark|Salzburg|Oberösterreich|Niederösterreich|Kärnten|Vorarlberg", pc="1###|5###|8###|6###",
    ph="+43 1 ### ####|+43 664 #######|0664 ### ####|+43 (0)512 ######", pob="Postfach {n}", lf="GmbH|AG|KG|OG|e.U.",
    o="b:Alpenglanz Kosmetik|r:Konditorei Zauner|r:Gasthaus zur Linde|e:Bundesgymnasium Innsbruck|"
    "e:Fachhochschule Kärnten|"
    "h:Landeskrankenhaus Graz|h:Ordination Dr. Huber|n:Volkshilfe Tirol|c:SK Sturm Graz Fanclub Süd|p:Magistrat Linz|"
    "l:Pichler Moser Rechtsanwälte|b:Donau Stahlbau GmbH|r:Hotel Goldener Hirsch|b:Krepka Fahrradwerk|"
    "b:Tauernblick Holz",
    op="b:{F} & Söhne|r:Tischlerei {F}|r:Café {F}|c:SV {T}|p:Gemeinde {T}|h:Ordination {F}")

L(
    "de_CH", "Switzerland", "ch", "bluewin.ch|gmail.com|gmx.ch", nat="Swiss",
    g="Lea|Nina|Seraina|Corinne|Franziska|Laura/Reto|Urs|Beat|Lukas|Marco|Simon",
    f="Meier|Keller|Brunner|Baumann|Frei|Zürcher|Gerber|Widmer|Bühler|Küng|Aebischer|Schnyder",
    ti="Frau|Dr./Herr|Dr.|Prof.",
    st="Bahnhofstrasse|Seestrasse|Dorfstrasse|Marktgasse|Kramgasse|Rue du Rhône|Via Nassa|Limmatquai|Bergstrasse|"
    "Hauptgasse", sf="{s} {n}|{s} {na}|{s} {n}, Postfach",
    t="Zürich|Bern|Basel|Luzern|Lugano|Appenzell|Grindelwald|Zermatt|Stein am Rhein|Gruyères|Andermatt|Murten",
    r="Graubünden|Wallis|Tessin|Aargau|Kanton Bern|Kanton Zürich|Appenzell Innerrhoden", pc="####",
    ph="+41 44 ### ## ##|+41 79 ### ## ##|044 ### ## ##|079 ### ## ##", pob="Postfach {n}|Case postale {n}",
    lf="AG|GmbH|SA|Sàrl",
    o="b:Helvetia Präzision|r:Confiserie Sprüngli am See|r:Hotel Edelweiss|e:Kantonsschule Wetzikon|"
    "e:ETH Alumni Akademie|"
    "h:Kantonsspital Aarau|h:Praxis Seefeld|n:Glückskette Freunde|c:FC Wil 1900|p:Stadt Luzern|l:Küng Widmer Advokatur|"
    "b:Alpina Uhren AG|b:Jungfrau Data|r:Käserei Bühler|b:Matterhorn Reisen GmbH",
    op="b:{F} Söhne|r:Bäckerei {F}|r:Metzgerei {F}|p:Gemeinde {T}|c:FC {T}|e:Primarschule {T}")

L(
    "fr_FR", "France", "fr", "orange.fr|free.fr|laposte.net|gmail.com", nat="French",
    g="Camille|Manon|Chloé|Léa|Élodie|Sophie/Julien|Nicolas|Mathieu|Antoine|Théo|Guillaume",
    f="Martin|Bernard|Dubois|Durand|Lefèvre|Moreau|Laurent|Girard|Rousseau|Fontaine|Chevalier|Mercier",
    ti="Mme|Madame|Dr/M.|Monsieur|Dr|Me",
    st="rue de la Paix|avenue des Champs-Élysées|rue Victor Hugo|boulevard Saint-Michel|place de la République|"
    "rue du Moulin|chemin des Vignes|rue Pasteur|allée des Tilleuls|quai de la Loire",
    sf="{n} {s}|{n} bis {s}|{n} {s}, Bât. {L}|{n} {s}, appt {u}",
    t="Paris|Lyon|Marseille|Bordeaux|Strasbourg|Annecy|Gordes|Saint-Cirq-Lapopie|Honfleur|Riquewihr|Collioure|"
    "Eguisheim",
    r="Provence-Alpes-Côte d'Azur|Bretagne|Normandie|Occitanie|Auvergne-Rhône-Alpes|Grand Est|Nouvelle-Aquitaine",
    pc="#####", ph="+33 1 ## ## ## ##|+33 6 ## ## ## ##|01 ## ## ## ##|06 ## ## ## ##", pob="BP {N}|CS {N}",
    lf="SARL|SAS|S.A.|SA|EURL|SCI",
    o="b:Lumora Cosmétiques|r:Boulangerie du Marché|r:Brasserie Le Zinc|e:Lycée Jean Moulin|"
    "e:Université de Haute-Alsace|"
    "h:Clinique du Parc|h:Hôpital Saint-Louis|n:Secours Solidaire|c:Stade Rochelais Amateur|p:Mairie de Gordes|"
    "l:Cabinet Rousseau Avocats|b:Ateliers Mercier SARL|b:Transports Girard SAS|r:Hôtel du Lac|b:Vignobles Fontaine",
    op="b:{F} & Fils|r:Pharmacie {F}|r:Boulangerie {F}|l:Cabinet {F}|p:Mairie de {T}|c:AS {T}|e:Collège de {T}")

L(
    "fr_BE", "Belgium", "be", "skynet.be|telenet.be|gmail.com", nat="Belgian",
    g="Marie|Charlotte|Elise|Amélie|Lotte|Julie/Maxime|Thomas|Arnaud|Wout|Pieter|Cédric",
    f="Peeters|Janssens|Dubois|Lambert|Dupont|Maes|Claes|Wouters|Leclercq|Renard|Van den Broeck|Goossens",
    ti="Mme|Mevrouw|Dr/M.|Meneer|Dr",
    st="Rue Neuve|Avenue Louise|Chaussée de Waterloo|Rue de l'Église|Meir|Grote Markt|Kerkstraat|Rue du Marché|"
    "Boulevard d'Avroy|Stationsstraat", sf="{s} {n}|{s} {n}, bte {u}|{s} {n}/{u}|{s} {na}",
    t="Bruxelles|Liège|Namur|Gent|Antwerpen|Brugge|Durbuy|Bouillon|Dinant|Spa|Damme|La Roche-en-Ardenne",
    r="Wallonie|Flandre|Région de Bruxelles-Capitale|Brabant wallon|Province de Luxembourg|Limburg", pc="####",
    ph="+32 2 ### ## ##|+32 47# ## ## ##|02 ### ## ##|0475 ## ## ##", pob="BP {n}|Postbus {n}",
    lf="SA|SRL|SPRL|NV|BV|ASBL",
    o="b:Ardennes Bois|r:Chocolaterie Renard|r:Friterie de la Place|e:Athénée Royal de Namur|"
    "e:Haute École Condorcet Sud|"
    "h:CHU Saint-Pierre|h:Cabinet Médical du Parc|n:Les Petits Riens Solidaires|c:Royal Namur Hockey Club|"
    "p:Ville de Namur|l:Lambert Claes Avocats|b:Meuse Logistics SA|b:Brabo Digital NV|r:Brasserie des Templiers",
    op="b:{F} & Fils|r:Boucherie {F}|r:Bakkerij {F}|p:Commune de {T}|c:RFC {T}")

L(
    "nl_NL", "Netherlands", "nl", "ziggo.nl|kpnmail.nl|gmail.com|hotmail.nl", nat="Dutch",
    g="Sanne|Lotte|Fleur|Eva|Anouk|Femke/Daan|Bram|Sander|Joost|Thijs|Ruben",
    f="de Jong|Jansen|de Vries|van den Berg|Bakker|Visser|Smit|Meijer|de Boer|Mulder|Dekker|van Dijk",
    ti="mevrouw|mw.|dr./de heer|dhr.|dr.|ir.",
    st="Keizersgracht|Dorpsstraat|Kerkstraat|Molenweg|Stationsweg|Oudegracht|Prinsengracht|Noordeinde|Beukenlaan|"
    "Zuiderweg", sf="{s} {n}|{s} {n}-{L}|{s} {n} hs|{s} {n}{L}",
    t="Amsterdam|Rotterdam|Utrecht|Den Haag|Groningen|Giethoorn|Volendam|Hindeloopen|Bourtange|Thorn|Marken|Zierikzee",
    r="Noord-Holland|Zuid-Holland|Friesland|Limburg|Gelderland|Zeeland|Overijssel", pc="#### AA",
    ph="+31 20 ### ####|+31 6 ########|020-#######|06-########", pob="Postbus {N}", lf="B.V.|BV|N.V.|V.O.F.",
    o="b:Quillo Payments|r:Bakkerij Het Gouden Korenaar|r:Café De Zwaan|e:Stedelijk Gymnasium Leiden|"
    "e:Hogeschool Windesheim Zuid|"
    "h:Ziekenhuis Rivierenland|h:Huisartsenpraktijk De Linde|n:Stichting Voedselbank Oost|c:VV Zierikzee|"
    "p:Gemeente Utrecht|l:Mulder & Dekker Advocaten|b:Polderwind Energie B.V.|b:Tulpenhof Kwekerij|r:Hotel De Wadden",
    op="b:{F} & Zonen|r:Bakkerij {F}|r:Fietsenwinkel {F}|p:Gemeente {T}|c:VV {T}|e:Basisschool De Klimop")

L(
    "it_IT", "Italy", "it", "libero.it|virgilio.it|tiscali.it|gmail.com", nat="Italian",
    g="Giulia|Francesca|Chiara|Sofia|Alessandra|Elena/Marco|Luca|Alessandro|Giuseppe|Matteo|Davide",
    f="Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo",
    ti="Sig.ra|Dott.ssa|Avv./Sig.|Dott.|Ing.|Avv.|Prof.",
    st="Via Roma|Via Garibaldi|Corso Vittorio Emanuele II|Piazza del Duomo|Via dei Mille|Viale Europa|Via Dante|"
    "Vicolo del Pozzo|Via Mazzini|Lungarno Corsini", sf="{s} {n}|{s}, {n}|{s} {n}/{L}|{s} {n}, int. {u}",
    t="Milano@MI|Roma@RM|Torino@TO|Bologna@BO|Napoli@NA|Bellagio@CO|Civita di Bagnoregio@VT|Alberobello@BA|"
    "Castelmezzano@PZ|Varenna@LC|Montalcino@SI|Orta San Giulio@NO",
    r="Lombardia|Toscana|Piemonte|Puglia|Sicilia|Emilia-Romagna|Basilicata", pc="#####", addr="{st}\n{pc} {t} ({ra})",
    ph="+39 02 #######|+39 3## ### ####|06 ########|347 ### ####", pob="Casella Postale {n}",
    lf="S.r.l.|S.p.A.|S.n.c.|S.a.s.|Srl",
    o="b:Ferramenta Rossi|r:Trattoria da Gino|r:Pasticceria Marino|e:Liceo Classico Parini|e:Politecnico di Bari|"
    "h:Ospedale San Raffaele|h:Poliambulatorio Santa Chiara|n:Banco Alimentare Lombardo|c:AC Montalcino|"
    "p:Comune di Bellagio|l:Studio Legale Greco|b:Officine Colombo S.p.A.|b:Tessitura Bianchi S.r.l.|"
    "r:Hotel Villa Serbelloni|"
    "b:Vinicola Brunello Alto",
    op="b:{F} & Figli|r:Ferramenta {F}|r:Farmacia {F}|l:Studio Legale {F}|p:Comune di {T}|c:US {T}")

L(
    "es_ES", "Spain", "es", "telefonica.net|gmail.com|hotmail.es", nat="Spanish",
    g="Lucía|María|Carmen|Laura|Marta|Elena/Javier|Alejandro|Pablo|Sergio|Álvaro|Jorge",
    f="García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Ruiz|Navarro|Iglesias|Ortega",
    ti="Sra.|Dña.|Dra./Sr.|D.|Dr.",
    st="Calle Mayor|Gran Vía|Calle de Alcalá|Avenida de la Constitución|Paseo de Gracia|Calle Real|Plaza de España|"
    "Calle del Sol|Rambla de Catalunya|Calle San Juan", sf="{s} {n}|{s} {n}, {f}º {L}|{s}, {n}, {f}º|{s} {n}, bajo",
    t="Madrid|Barcelona|Sevilla|Valencia|Bilbao|Albarracín|Cudillero|Frigiliana|Ronda|Cadaqués|Peñíscola|Potes",
    r="Andalucía|Cataluña|Galicia|Aragón|Asturias|País Vasco|Comunidad Valenciana", pc="#####",
    ph="+34 91 ### ## ##|+34 6## ### ###|91 ### ## ##|6## ## ## ##", pob="Apartado de Correos {n}|Apdo. {N}",
    lf="S.L.|S.A.|S.L.U.|SL",
    o="b:Taller Mecánico Ruiz|r:Panadería La Espiga|r:Bar Casa Paco|e:IES Miguel de Cervantes|"
    "e:Universidad del Norte Ibérico|"
    "h:Hospital Clínico San Carlos|h:Clínica Dental Sonrisas|n:Banco de Alimentos Solidario|c:CD Ronda Balompié|"
    "p:Ayuntamiento de Ronda|l:Navarro & Ortega Abogados|b:Aceites del Sur S.A.|b:Transportes Iglesias S.L.|"
    "r:Hotel Miramar",
    op="b:{F} e Hijos|r:Panadería {F}|r:Farmacia {F}|l:Bufete {F}|p:Ayuntamiento de {T}|c:CF {T}|e:Colegio {T}")

L(
    "es_MX", "Mexico", "com.mx", "gmail.com|hotmail.com|prodigy.net.mx", nat="Mexican",
    g="Guadalupe|Fernanda|Daniela|Ximena|Valeria|Mariana/José Luis|Diego|Alejandro|Emiliano|Carlos|Santiago",
    f="Hernández|García|Martínez|López|Ramírez|Flores|Torres|Morales|Castillo|Mendoza|Vázquez|Reyes",
    ti="Sra.|Lic.|Dra./Sr.|Lic.|Ing.|Dr.",
    st="Av. Insurgentes Sur|Calle Hidalgo|Av. Reforma|Calle Morelos|Calzada de Tlalpan|Calle 5 de Mayo|Av. Juárez|"
    "Calle Allende|Av. Revolución|Callejón del Beso", sf="{s} {N}|{s} {N}, Col. Centro|{s} {N}, Int. {u}|{s} No. {N}",
    t="Ciudad de México@CDMX|Guadalajara@Jal.|Monterrey@N.L.|Puebla@Pue.|Oaxaca de Juárez@Oax.|Tepoztlán@Mor.|"
    "Bacalar@Q.R.|Real de Catorce@S.L.P.|Valle de Bravo@Méx.|Tulum@Q.R.|Coyoacán@CDMX",
    r="Jalisco|Nuevo León|Oaxaca|Yucatán|Quintana Roo|Puebla|Chiapas", pc="#####", addr="{st}\n{pc} {t}, {ra}",
    ph="+52 55 #### ####|+52 1 33 #### ####|55 #### ####|(33) #### ####", pob="Apartado Postal {n}",
    lf="S.A. de C.V.|S. de R.L. de C.V.|S.C.",
    o="b:Tortillería La Güera|r:Taquería El Fogón|r:Mercado Artesanal Xochitl|e:Universidad del Valle Alto|"
    "e:Colegio Benito Juárez|h:Hospital Ángeles del Sur|h:Clínica San Rafael|n:Fundación Manos Unidas MX|"
    "c:Club Atlético Oaxaca|p:Municipio de Tepoztlán|l:Castillo Mendoza Abogados|b:Cementos del Bajío S.A. de C.V.|"
    "b:Agave Azul Destilería|r:Hotel Casa Colonial",
    op="b:{F} Hermanos|r:Ferretería {F}|r:Panadería {F}|l:Despacho {F}|c:Club {T}")

L(
    "pt_PT", "Portugal", "pt", "sapo.pt|gmail.com|netcabo.pt", nat="Portuguese",
    g="Inês|Beatriz|Mariana|Joana|Catarina|Rita/João|Tiago|Rui|Miguel|Duarte|Nuno",
    f="Silva|Santos|Ferreira|Pereira|Oliveira|Costa|Rodrigues|Martins|Sousa|Fernandes|Gonçalves|Carvalho",
    ti="Sra.|D.|Dra./Sr.|Dr.|Eng.",
    st="Rua Augusta|Avenida da Liberdade|Rua de Santa Catarina|Largo do Carmo|Rua Direita|Travessa do Fala-Só|"
    "Rua das Flores|Avenida dos Aliados|Rua do Comércio|Calçada da Ajuda",
    sf="{s} {n}|{s} {n}, {f}.º Esq.|{s}, n.º {n}, {f}.º Dto.|{s} {n}, R/C",
    t="Lisboa|Porto|Coimbra|Braga|Faro|Monsaraz|Óbidos|Sintra|Piódão|Marvão|Tavira|Ericeira",
    r="Algarve|Alentejo|Minho|Douro|Beira Baixa|Madeira|Açores", pc="####-###",
    ph="+351 21 ### ####|+351 91# ### ###|21 ### ####|96# ### ###", pob="Apartado {n}", lf="Lda.|S.A.|Unipessoal Lda.",
    o="b:Conservas Tejo|r:Pastelaria Sol Nascente|r:Tasca do Chico|e:Escola Secundária Camões|"
    "e:Universidade do Minho Sul|"
    "h:Hospital de Santa Maria|h:Clínica Dentária Sorriso|n:Associação Mãos Amigas|c:Sporting Clube de Tavira|"
    "p:Câmara Municipal de Óbidos|l:Sousa & Martins Advogados|b:Cortiças Alentejanas S.A.|b:Vinhos do Vale Lda.|"
    "r:Hotel Miradouro",
    op="b:{F} & Filhos|r:Farmácia {F}|r:Padaria {F}|p:Câmara Municipal de {T}|c:Clube Desportivo de {T}")

L(
    "pt_BR", "Brazil", "com.br", "gmail.com|uol.com.br|bol.com.br|hotmail.com", nat="Brazilian",
    g="Ana Clara|Juliana|Fernanda|Larissa|Camila|Beatriz/Lucas|Gabriel|Rafael|Thiago|Matheus|Felipe",
    f="Silva|Souza|Oliveira|Lima|Almeida|Barbosa|Ribeiro|Cardoso|Moreira|Nascimento|Araújo|Teixeira",
    ti="Sra.|Dra./Sr.|Dr.|Prof.",
    st="Rua das Flores|Avenida Paulista|Rua Oscar Freire|Avenida Atlântica|Rua XV de Novembro|Rua da Consolação|"
    "Travessa do Ouvidor|Avenida Brasil|Rua Sete de Setembro|Alameda Santos",
    sf="{s}, {N}|{s}, {N}, apto {u}|{s}, {N} - sala {u}|{s}, {N}, bloco {L}",
    t="São Paulo@SP|Rio de Janeiro@RJ|Belo Horizonte@MG|Curitiba@PR|Salvador@BA|Paraty@RJ|Tiradentes@MG|"
    "Lençóis@BA|Gramado@RS|Pirenópolis@GO|Olinda@PE|Bonito@MS",
    r="Minas Gerais|Bahia|Paraná|Rio Grande do Sul|Pernambuco|Goiás|Santa Catarina", pc="#####-###",
    addr="{st}\n{t} - {ra}\n{pc}", ph="+55 11 9####-####|+55 (21) ####-####|(11) 9####-####|(31) ####-####",
    pob="Caixa Postal {N}", lf="Ltda.|S.A.|ME|EIRELI",
    o="b:Café Serra Azul|r:Padaria Pão Dourado|r:Churrascaria Gaúcha|e:Colégio Santa Cruz Sul|"
    "e:Universidade do Planalto|"
    "h:Hospital Santa Casa|h:Clínica Bem Viver|n:Instituto Criança Feliz|c:Esporte Clube Paraty|"
    "p:Prefeitura de Gramado|l:Almeida Cardoso Advogados|b:Metalúrgica Teixeira Ltda.|b:Agro Cerrado S.A.|"
    "r:Pousada do Sol", op="b:{F} & Filhos|r:Farmácia {F}|r:Mercearia {F}|p:Prefeitura de {T}|c:Clube {T}")

L(
    "pl_PL", "Poland", "pl", "wp.pl|onet.pl|interia.pl|gmail.com", nat="Polish",
    g="Anna|Katarzyna|Magdalena|Agnieszka|Zofia|Joanna/Piotr|Tomasz|Krzysztof|Marek|Paweł|Jakub",
    f="Nowak|Wójcik|Kowalczyk|Mazur|Krawczyk|Zając|Kowalski~Kowalska|Lewandowski~Lewandowska|Dąbrowski~Dąbrowska|"
    "Wieczorek|Król|Grabowski~Grabowska", ti="Pani|Dr|Prof./Pan|Dr|Inż.|Mgr",
    st="ul. Długa|ul. Marszałkowska|ul. Piotrkowska|al. Jerozolimskie|ul. Mickiewicza|ul. Kwiatowa|ul. Ogrodowa|"
    "ul. Lipowa|pl. Grunwaldzki|ul. Słoneczna", sf="{s} {n}|{s} {n} m. {u}|{s} {n}/{u}|{s} {na}|{s} {n} lok. {u}",
    t="Warszawa|Kraków|Gdańsk|Poznań|Wrocław|Łódź|Zakopane|Sandomierz|Kazimierz Dolny|Wieliczka|Ustka|Żabia Wola",
    r="Mazowieckie|Małopolska|Pomorze|Wielkopolska|Śląsk|Podlasie|Warmia", pc="##-###",
    ph="+48 ### ### ###|+48 ## ### ## ##|### ### ###|+48 22 ### ## ##", pob="Skrytka pocztowa {n}",
    lf="Sp. z o.o.|S.A.|sp.j.|sp. k.",
    o="b:Kwiaciarnia Róża|r:Piekarnia pod Lipą|r:Bar Mleczny Pod Arkadami|e:Liceum Ogólnokształcące im. Kopernika|"
    "e:Politechnika Pomorska|h:Szpital Wojewódzki w Gdańsku|h:Przychodnia Zdrowie|n:Fundacja Dobre Serce|"
    "c:KS Wisła Sandomierz|p:Urząd Miasta Krakowa|l:Kancelaria Mazur i Wspólnicy|b:Polmet Sp. z o.o.|"
    "b:Bałtyk Transport S.A.|r:Hotel Pod Orłem|b:Kowalczyk Brothers",
    op="b:{F} i Synowie|r:Apteka {F}|r:Kwiaciarnia {F}|b:Transport {F}|l:Kancelaria {F}")

L(
    "cs_CZ", "Czechia", "cz", "seznam.cz|email.cz|centrum.cz|gmail.com", nat="Czech",
    g="Tereza|Kateřina|Lucie|Petra|Jana|Eliška/Jan|Petr|Tomáš|Martin|Jiří|Ondřej",
    f="Novák~Nováková|Svoboda~Svobodová|Dvořák~Dvořáková|Černý~Černá|Procházka~Procházková|Kučera~Kučerová|"
    "Veselý~Veselá|Horák~Horáková|Němec~Němcová|Marek~Marková|Pokorný~Pokorná|Král~Králová",
    ti="paní|Ing.|MUDr.|Mgr./pan|Ing.|MUDr.|Mgr.",
    st="Národní|Václavské náměstí|Husova|Masarykova|Palackého|Nádražní|Zahradní|Komenského|Školní|Na Příkopě",
    sf="{s} {n}|{s} {N}/{n}|{s} {na}",
    t="Praha@Praha 1|Brno|Ostrava|Plzeň|Olomouc|Český Krumlov|Telč|Kutná Hora|Mikulov|Třeboň|Štramberk|Loket",
    r="Jihomoravský kraj|Jihočeský kraj|Vysočina|Morava|Čechy|Moravskoslezský kraj", pc="### ##",
    ph="+420 ### ### ###|+420 2## ### ###|### ### ###", pob="P. O. Box {n}|Poštovní přihrádka {n}",
    lf="s.r.o.|a.s.|v.o.s.",
    o="b:Sklárna Bohemia Krystal|r:Pekařství U Zlatého klasu|r:Hospoda U Dvou koček|e:Gymnázium Jana Nerudy|"
    "e:Vysoké učení technické Jih|h:Fakultní nemocnice Olomouc|h:Poliklinika Zahradní|n:Nadace Dobrý anděl Jih|"
    "c:SK Slavoj Třeboň|p:Magistrát města Brna|l:Advokátní kancelář Horák|b:Strojírny Morava a.s.|"
    "b:Pivovar Loket s.r.o.|r:Hotel Růže",
    op="b:{F} a synové|r:Pekařství {F}|r:Lékárna U {F}|l:Advokátní kancelář {F}|c:TJ Sokol {T}|p:Město {T}")

L(
    "sv_SE", "Sweden", "se", "telia.com|gmail.com|hotmail.se|bredband.net", nat="Swedish",
    g="Elin|Ebba|Maja|Linnea|Karin|Sara/Erik|Johan|Oskar|Anders|Lars|Gustav",
    f="Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Olsson|Lindqvist|Bergström|Lundgren|Sjöberg|Holm",
    ti="fru|dr./herr|dr.",
    st="Kungsgatan|Drottninggatan|Storgatan|Södra Vägen|Strandvägen|Kyrkogatan|Västra Hamngatan|Skolgatan|Björkvägen|"
    "Ringvägen", sf="{s} {n}|{s} {na}|{s} {n}, lgh {N}|{s} {n}, {f} tr",
    t="Stockholm|Göteborg|Malmö|Uppsala|Lund|Visby|Sigtuna|Ystad|Mora|Åre|Smögen|Jokkmokk",
    r="Skåne|Gotland|Dalarna|Norrbotten|Västra Götaland|Uppland|Jämtland", pc="### ##",
    ph="+46 8 ### ### ##|+46 70 ### ## ##|08-### ## ##|070-### ## ##", pob="Box {N}", lf="AB|HB|Aktiebolag",
    o="b:Fjällbacka Fisk|r:Konditori Kanelbullen|r:Café Saffran|e:Katedralskolan i Lund|"
    "e:Mälardalens Tekniska Högskola|"
    "h:Karolinska Vårdcentral Syd|h:Tandläkarna Sjöberg|n:Stadsmissionen Gotland|c:IFK Mora|p:Region Gotland|"
    "l:Advokatfirman Holm|b:Nordvik Trä AB|b:Blå Fjord Analys AB|r:Hotell Strand|b:Skärgårdens Båtvarv",
    op="b:{F} & Söner|r:Bageri {F}|l:Advokatfirman {F}|p:{T} kommun|c:IK {T}")

L(
    "da_DK", "Denmark", "dk", "mail.dk|gmail.com|jubii.dk|outlook.dk", nat="Danish",
    g="Mette|Sofie|Ida|Freja|Camilla|Louise/Mads|Rasmus|Søren|Anders|Frederik|Kasper",
    f="Jensen|Nielsen|Hansen|Pedersen|Andersen|Christensen|Larsen|Sørensen|Rasmussen|Mortensen|Kjær|Dahl",
    ti="fru|dr./hr.|dr.",
    st="Nørregade|Vestergade|Strøget|Østerbrogade|Algade|Kongensgade|Havnegade|Skovvej|Bredgade|Møllevej",
    sf="{s} {n}|{s} {n}, {f}. tv.|{s} {n}, {f}. th.|{s} {na}, st.",
    t="København K|Aarhus|Odense|Aalborg|Roskilde|Skagen|Ærøskøbing|Ribe|Dragør|Tønder|Gudhjem|Svaneke",
    r="Jylland|Sjælland|Fyn|Bornholm|Region Midtjylland|Nordjylland", pc="####",
    ph="+45 ## ## ## ##|+45 ########|## ## ## ##", pob="Postboks {n}", lf="A/S|ApS|I/S|IVS",
    o="b:Nordlys Møbler|r:Bageriet Kringlen|r:Restaurant Havfruen|e:Ribe Katedralskole|e:Syddansk Erhvervsakademi|"
    "h:Rigshospitalets Klinik Øst|h:Lægehuset Skovvej|n:Dansk Folkehjælp Lokal|c:Skagen Boldklub|p:Aarhus Kommune|"
    "l:Advokatfirmaet Kjær|b:Vindkraft Jylland A/S|b:Hygge Design ApS|r:Hotel Strandlyst",
    op="b:{F} & Sønner|r:Bager {F}|r:Tømrer {F}|l:Advokatfirmaet {F}|p:{T} Kommune|c:{T} IF")

L(
    "nb_NO", "Norway", "no", "online.no|gmail.com|hotmail.no", nat="Norwegian",
    g="Ingrid|Nora|Silje|Hanne|Kari|Marte/Ole|Lars|Magnus|Henrik|Sindre|Eirik",
    f="Hansen|Johansen|Olsen|Larsen|Andersen|Berg|Haugen|Bakke|Solberg|Lie|Dahl|Strand", ti="fru|dr./herr|dr.",
    st="Storgata|Karl Johans gate|Kirkegata|Strandgata|Bryggen|Torggata|Skolegata|Fjellveien|Parkveien|Havnegata",
    sf="{s} {n}|{s} {na}|{s} {n}, {f}. etg.|{s} {n} H{f}0{u}",
    t="Oslo|Bergen|Trondheim|Stavanger|Tromsø|Flåm|Reine|Røros|Geiranger|Lillehammer|Å|Henningsvær",
    r="Vestland|Nordland|Trøndelag|Innlandet|Troms og Finnmark|Rogaland|Viken", pc="####",
    ph="+47 ## ## ## ##|+47 ### ## ###|### ## ###", pob="Postboks {N}", lf="AS|ASA|ANS|DA",
    o="b:Fjordkraft Marine|r:Baker Brun Nord|r:Kafé Kanelsnurr|e:Bergen Katedralskole|e:Høgskolen på Vestlandet Nord|"
    "h:Haukeland Legesenter|h:Tannlegene i Torget|n:Kirkens Bymisjon Øst|c:Røros IL|p:Bergen kommune|"
    "l:Advokatfirmaet Lie|b:Nordkapp Sjømat AS|b:Polarlys Data ASA|r:Fretheim Hotell",
    op="b:{F} & Sønner|r:Bakeri {F}|l:Advokat {F}|p:{T} kommune|c:{T} IL")

L(
    "fi_FI", "Finland", "fi", "gmail.com|kolumbus.fi|suomi24.fi", nat="Finnish",
    g="Aino|Emilia|Sanna|Liisa|Helmi|Noora/Mikko|Juha|Antti|Ville|Lauri|Eero",
    f="Korhonen|Virtanen|Mäkinen|Nieminen|Mäkelä|Hämäläinen|Laine|Heikkinen|Koskinen|Järvinen|Lehtonen|Salminen",
    ti="rouva|tri/herra|tri",
    st="Mannerheimintie|Aleksanterinkatu|Hämeenkatu|Kauppakatu|Rantatie|Koulukatu|Puistokatu|Kirkkokatu|Satamakatu|"
    "Koivukuja", sf="{s} {n}|{s} {n} A {u}|{s} {n} B {u}|{s} {na}",
    t="Helsinki|Tampere|Turku|Oulu|Espoo|Porvoo|Naantali|Rauma|Inari|Savonlinna|Fiskars|Hanko",
    r="Uusimaa|Lappi|Pirkanmaa|Varsinais-Suomi|Pohjois-Pohjanmaa|Etelä-Savo", pc="#####",
    ph="+358 9 ### ####|+358 40 ### ####|040 ### ####|09 ### ####", pob="PL {n}", lf="Oy|Oyj|Ky|Ay",
    o="b:Saimaa Wood|r:Leipomo Korvapuusti|r:Kahvila Pulla|e:Tampereen Lyseon Lukio|e:Lapin Ammattikorkeakoulu Etelä|"
    "h:Mehiläinen Terveysasema Itä|h:Hammaslääkärit Laine|n:Pelastakaa Lapset Ystävät|c:HIFK Juniorit|"
    "p:Porvoon kaupunki|l:Asianajotoimisto Heikkinen|b:Revontuli Energia Oy|b:Kuutti Games Oyj|r:Hotelli Aurora",
    op="b:{F} & Pojat|r:Leipomo {F}|l:Asianajotoimisto {F}|c:Palloseura {T}")

L(
    "hu_HU", "Hungary", "hu", "freemail.hu|citromail.hu|gmail.com", nat="Hungarian", ff=True,
    g="Anna|Eszter|Katalin|Zsófia|Réka|Judit/Péter|László|Gábor|Zoltán|Balázs|Attila",
    f="Nagy|Kovács|Tóth|Szabó|Horváth|Varga|Kiss|Molnár|Németh|Farkas|Balogh|Papp", ti="Dr./Dr.",
    st="Váci utca|Andrássy út|Rákóczi út|Kossuth Lajos utca|Petőfi Sándor utca|Fő utca|Dózsa György út|Széchenyi tér|"
    "Ady Endre utca|Király utca", sf="{s} {n}.|{s} {n}. {f}/{u}|{s} {n}. II/{u}|{s} {n}. fsz. {u}",
    t="Budapest|Debrecen|Szeged|Pécs|Győr|Eger|Tokaj|Hollókő|Szentendre|Tihany|Sopron|Bük",
    r="Pest megye|Baranya|Borsod-Abaúj-Zemplén|Heves|Somogy|Vas|Hajdú-Bihar", pc="####", addr="{t}\n{st}\n{pc}",
    ph="+36 1 ### ####|+36 30 ### ####|06 30 ### ####|06 1 ### ####", pob="Pf. {n}|Postafiók {N}",
    lf="Kft.|Zrt.|Nyrt.|Bt.",
    o="b:Tokaji Borház|r:Cukrászda Gerlóczy|r:Halászcsárda a Tiszához|e:Fazekas Mihály Gimnázium|"
    "e:Pannon Műszaki Főiskola|"
    "h:Szent János Kórház|h:Dunapart Rendelő|n:Ökumenikus Segélyszervezet Dél|c:Győri ETO Amatőr|"
    "p:Szentendre Város Önkormányzata|l:Dr. Varga Ügyvédi Iroda|b:Pannon Gépgyár Kft.|b:Balaton Szoftver Zrt.|"
    "r:Hotel Aranybika", op="b:{F} és Fiai|r:{F} Pékség|l:{F} Ügyvédi Iroda|c:{T} SE")

L(
    "ro_RO", "Romania", "ro", "yahoo.com|gmail.com|rdslink.ro", nat="Romanian",
    g="Ioana|Andreea|Elena|Mihaela|Raluca|Cristina/Andrei|Alexandru|Mihai|Ion|Bogdan|Radu",
    f="Popescu|Ionescu|Popa|Dumitru|Stan|Stoica|Gheorghe|Munteanu|Constantin|Dobre|Marin|Barbu",
    ti="dna|dr./dl|dr.|ing.",
    st="Str. Lipscani|Bd. Unirii|Calea Victoriei|Str. Mihai Eminescu|Str. Republicii|Bd. Eroilor|Str. Florilor|"
    "Aleea Trandafirilor|Str. Avram Iancu|Piața Sfatului",
    sf="{s} nr. {n}|{s} nr. {n}, bl. {u}, ap. {u}|{s} {n}|{s} nr. {n}, et. {f}, ap. {u}",
    t="București@Sector 3|Cluj-Napoca@Cluj|Timișoara@Timiș|Iași@Iași|Brașov@Brașov|Sibiu@Sibiu|Sighișoara@Mureș|"
    "Viscri@Brașov|Sfântu Gheorghe@Covasna|Bran@Brașov|Sulina@Tulcea|Biertan@Sibiu",
    r="Transilvania|Moldova|Dobrogea|Maramureș|Banat|Muntenia|Oltenia", pc="######", addr="{st}\n{pc} {t}, {ra}",
    ph="+40 21 ### ####|+40 7## ### ###|07## ### ###|021 ### ####", pob="CP {n}|Căsuța Poștală {n}",
    lf="SRL|S.R.L.|SA|S.A.",
    o="b:Carpați Lemn|r:Patiseria Dulce Colț|r:Restaurant La Ceaun|e:Colegiul Național Gheorghe Lazăr|"
    "e:Universitatea Tehnică de Vest|h:Spitalul Județean Sibiu|h:Clinica Sanador Sud|n:Asociația Inimă de Copil|"
    "c:CS Universitatea Brașov|p:Primăria Sibiu|l:Cabinet Avocat Dobre|b:Dunărea Logistic SRL|b:Transilvania Soft SA|"
    "r:Pensiunea Cerbul", op="b:{F} și Fiii|r:Brutăria {F}|l:Cabinet Avocat {F}|p:Primăria {T}|c:CS {T}")

L(
    "tr_TR", "Türkiye", "com.tr", "gmail.com|hotmail.com|yandex.com.tr", nat="Turkish",
    g="Ayşe|Elif|Zeynep|Fatma|Esra|Merve/Mehmet|Mustafa|Emre|Burak|Can|Hakan",
    f="Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Öztürk|Aydın|Arslan|Doğan|Kılıç|Aslan", ti="Bayan|Dr.|Av./Bay|Dr.|Av.",
    st="Atatürk Cad.|İstiklal Caddesi|Cumhuriyet Mah.|Bağdat Caddesi|Gazi Mustafa Kemal Bulvarı|Kordon Boyu|"
    "Çiçek Sokak|Barbaros Bulvarı|Menekşe Sokak|Fevzi Paşa Caddesi",
    sf="{s} No: {n}|{s} No: {n} D: {u}|{s} No:{n}/{u}|{s} No: {n} Kat: {f}",
    t="Kadıköy@İstanbul|Beşiktaş@İstanbul|Çankaya@Ankara|Konak@İzmir|Muratpaşa@Antalya|Göreme@Nevşehir|"
    "Şirince@İzmir|Kaş@Antalya|Safranbolu@Karabük|Alaçatı@İzmir|Ayvalık@Balıkesir|Bozcaada@Çanakkale",
    r="Kapadokya|Ege|Karadeniz|Marmara|Akdeniz|İç Anadolu", pc="#####", addr="{st}\n{pc} {t}/{ra}",
    ph="+90 212 ### ## ##|+90 5## ### ## ##|0212 ### ## ##|05## ### ## ##", pob="PK {n}|Posta Kutusu {n}",
    lf="A.Ş.|Ltd. Şti.|San. ve Tic. A.Ş.",
    o="b:Anadolu Halı|r:Simit Sarayı Köşesi|r:Lokanta Hacıbaba|e:Galatasaray Lisesi Mezunları|"
    "e:Ege Teknik Üniversitesi|"
    "h:Acıbadem Kadıköy Polikliniği|h:Şifa Hastanesi|n:Türk Eğitim Gönüllüleri|c:Karşıyaka Yelken Kulübü|"
    "p:Kadıköy Belediyesi|l:Aslan Hukuk Bürosu|b:Boğaziçi Tekstil A.Ş.|b:Kapadokya Seramik Ltd. Şti.|r:Otel Lale",
    op="b:{F} Kardeşler|r:{F} Fırını|l:{F} Hukuk Bürosu|p:{T} Belediyesi|c:{T} Spor Kulübü")

L(
    "el_GR", "Greece", "gr", "otenet.gr|gmail.com|yahoo.gr", nat="Greek",
    g="Maria|Eleni|Katerina|Sofia|Dimitra|Georgia/Giorgos|Dimitris|Nikos|Kostas|Yannis|Panagiotis",
    f="Papadopoulos~Papadopoulou|Georgiou|Nikolaidis~Nikolaidou|Oikonomou|Vlachos~Vlachou|Karagiannis~Karagianni|"
    "Dimitriou|Papageorgiou|Antoniou|Makris~Makri|Alexiou|Christodoulou", ti="Ms|Kyria|Dr/Mr|Kyrios|Dr",
    st="Ermou|Odos Athinas|Leoforos Syngrou|Tsimiski|Egnatia|Plateia Syntagmatos|Odos Kolokotroni|Akti Miaouli|"
    "Vasilissis Sofias|Odos Adrianou", sf="{s} {n}|{s} {n}, {f}os orofos|{s} {na}",
    t="Athens|Thessaloniki|Patras|Heraklion|Larissa|Nafplio|Kalambaka|Parga|Metsovo|Monemvasia|Oia|Zagora",
    r="Attica|Crete|Peloponnese|Epirus|Thessaly|Central Macedonia|South Aegean", pc="### ##",
    ph="+30 21# ### ####|+30 69# ### ####|21# ### ####|69# ### ####", pob="P.O. Box {N}|T.Th. {N}",
    lf="S.A.|A.E.|IKE|E.P.E.",
    o="b:Olympia Olive Mills|r:Zacharoplasteio Hara|r:Taverna To Steki|e:Anatolia College Alumni|"
    "e:University of Western Macedonia Labs|h:Hygeia Day Clinic|h:Evangelismos Outpatient Centre|n:Ark of the World|"
    "c:Panionios Basketball Academy|p:Municipality of Nafplio|l:Makris & Alexiou Law Firm|b:Aegean Ferries S.A.|"
    "b:Kalamata Gourmet IKE|r:Hotel Amalia",
    op="b:{F} Bros|r:Artopoieio {F}|l:{F} Law Office|p:Municipality of {T}|c:{T} FC")

# fmt: on

# ---------------------------------------------------------------------------
# Global organisation material (locale-independent)
# ---------------------------------------------------------------------------
# fmt: off
BRAND_PRE = S("Zen|Lum|Quil|Vex|Nor|Tal|Kor|Bri|Ost|Ver|Cal|Mir|Sol|Dra|Fen|Hal|Ix|Or|Pax|Ny|Tru|Zo|Ael|Cor|Vel")
BRAND_SUF = S("trix|ora|lo|ando|ix|ova|eon|ara|ium|ity|on|ex|ly|ari|enza|ico|umo|ivo|era|is")
BRAND_WORD = S("Systems|Labs|Analytics|Logistics|Foods|Energy|Health|Studio|Software|Mobility|Dynamics|Interiors|"
               "Robotics|Pharma|Textiles|Payments|Networks|Media|Optics|Bikes")
DESC_A = S("Northern Lights|Blue Fjord|Silver Birch|Red Kite|Green Valley|Old Harbour|Golden Field|Stone Bridge|"
           "Evergreen|Bright Horizon|Oak & Ivy|Copper Kettle|Little Acorn|High Tide|Maple Leaf|Clearwater|Granite Peak|"
           "Sunrise|Riverbend|Wildflower|Blackthorn|Seven Hills|Lantern|Driftwood|Hazel Grove")
DESC_B = S("Bakery|Analytics|Consulting|Dental Care|Books|Coffee Roasters|Veterinary Clinic|Print Works|Garden Centre|"
           "Logistics|Builders|Travel|Media|Fitness|Wines|Studios|Solar|Cleaning Services|Property Management|"
           "Kindergarten|Brewery|Florist|Tailoring|Cycles|Yoga Studio")
DESC_KIND = {"Bakery": "r", "Dental Care": "h", "Veterinary Clinic": "h", "Books": "r", "Florist": "r",
             "Kindergarten": "e", "Coffee Roasters": "r", "Yoga Studio": "r", "Cycles": "r"}
GLOBAL_ORGS = {
    "e": S("Riverside Academy|St. Brendan's College|Northfield Primary School|Lakeview International School|"
           "Institute of Applied Linguistics|Open Skies Flight School|Harbour Montessori|Northern Technical University|"
           "Royal Institute of Commerce|University of the Lakes|Baltic Business School"),
    "h": S("St. Mary's Hospital|Greenway Medical Centre|City Eye Clinic|Westbrook Family Practice|Bright Smile Dental|"
           "Meadowbank Physiotherapy|Hope Children's Hospital"),
    "n": S("Red Cross|Save the Children|Habitat for Humanity|Médecins Sans Frontières|Oxfam|Friends of the Earth|"
           "Open Hands Foundation|Rewilding Europe Trust|Books for Every Child|Clean Rivers Initiative"),
    "c": S("Harbour Rowing Club|Eastside Chess Club|Riverside Runners|Old Town Cycling Club|Lakeside Tennis Club"),
    "r": S("The Copper Kettle|Hotel Belvedere|Café Lumière|Grand Hotel Europa|Pizzeria Bella Napoli|The Book Nook|"
           "Green Leaf Vegan Kitchen|Hotel Panorama|Sushi Kaito|The Salty Pretzel"),
    "l": S("Harrow & Finch|Marlow Legal|Baker Quinn LLP|Sterling Vance Partners"),
    "p": S("{T} City Council|{T} Municipal Library|{T} Public Transport Authority|{T} Fire Brigade|"
           "{T} Tourist Office|{T} Chamber of Commerce"),
    "b": S("DMTR|KVX Group|Orbis Freight|Nordwind Partners|Atlas Components|Helix Biotech|Crestline Media|"
           "Pinewood Analytics|Triton Marine|Vantage Point Research"),
}
EN_FOUNDER = S("{F} & Partners|{F} Brothers|{F} & Co.|{F} Consulting|{F} & {F2}|{F} Group|{F} Engineering")
KIND_W = [("b", 40), ("r", 18), ("e", 8), ("h", 8), ("n", 6), ("c", 6), ("p", 7), ("l", 7)]
ALL_LEGAL = sorted({x.lstrip(", ") for lc in LOCALES for x in lc.legal} | {"LLP", "Ltd", "Inc"}, key=len, reverse=True)
# "& Co." is not counted as a legal form.
LEGAL_RE = re.compile(r"(?:^|[\s,(])(?:" + "|".join(re.escape(x) for x in ALL_LEGAL) + r")$")

CURRENCY = {"en_US": "$", "en_GB": "£", "en_AU": "A$", "en_CA": "C$", "en_ZA": "R", "en_IN": "₹", "de_CH": "CHF ",
            "es_MX": "MX$", "pt_BR": "R$", "pl_PL": "PLN ", "cs_CZ": "CZK ", "sv_SE": "SEK ", "da_DK": "DKK ",
            "nb_NO": "NOK ", "hu_HU": "HUF ", "ro_RO": "RON ", "tr_TR": "TRY "}
IBAN_FMT = {"de_DE": ("DE", "#" * 18), "de_AT": ("AT", "#" * 16), "de_CH": ("CH", "#" * 17), "fr_FR": ("FR", "#" * 23),
            "fr_BE": ("BE", "#" * 12), "nl_NL": ("NL", "RABO" + "#" * 10), "it_IT": ("IT", "X" + "#" * 22),
            "es_ES": ("ES", "#" * 20), "pt_PT": ("PT", "#" * 21), "pl_PL": ("PL", "#" * 24), "cs_CZ": ("CZ", "#" * 20),
            "sv_SE": ("SE", "#" * 20), "da_DK": ("DK", "#" * 14), "nb_NO": ("NO", "#" * 11), "fi_FI": ("FI", "#" * 14),
            "hu_HU": ("HU", "#" * 24), "ro_RO": ("RO", "BTRL" + "#" * 16), "tr_TR": ("TR", "#" * 22),
            "el_GR": ("GR", "#" * 23), "en_GB": ("GB", "NWBK" + "#" * 14), "en_IE": ("IE", "AIBK" + "#" * 14)}
MONTHS = S("January|February|March|April|May|June|July|August|September|October|November|December")
DAYS = S("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
JOBS = S("Sales Manager|Head of Procurement|Office Manager|Senior Data Analyst|Logistics Coordinator|Marketing Lead|"
         "Customer Success Manager|Chief Financial Officer|HR Business Partner|Project Engineer|Operations Director|"
         "Account Executive|Software Developer|Quality Assurance Specialist|Managing Director|Export Manager")
DEPTS = S("Accounts Payable|the HR team|Customer Service|Procurement|the IT helpdesk|Facilities|Legal & Compliance|"
          "the finance department|Quality Control|Dispatch")
PRODUCTS = S("Aero X2 blender|TrailMaster 40L backpack|UltraDesk standing desk|Nimbus Pro headphones|SmartKettle 3|"
             "EcoGlow LED panel|Vertex 15 laptop stand|ClearSip water filter|Orbit office chair|PixelPad tablet case|"
             "Thermo Flask 750|StormShell jacket")
# fmt: on


def translit(s: str) -> str:
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    s = s.replace("æ", "ae").replace("Æ", "Ae").replace("ı", "i").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", translit(s).lower())


# ---------------------------------------------------------------------------
# Segments and rendering
# ---------------------------------------------------------------------------
PH_RE = re.compile(r"\{(\w+)\}")


def segs_of(v):
    if v is None:
        return []
    if isinstance(v, (str, int)):
        return [(str(v), None)]
    if isinstance(v, tuple):
        return [v]
    out = []
    for x in v:
        out.extend(segs_of(x))
    return out


def R(tpl: str, **v):
    """Render a template string; {key} placeholders take str / (text, label) / list values."""
    out, pos = [], 0
    for m in PH_RE.finditer(tpl):
        out.append((tpl[pos : m.start()], None))
        out.extend(segs_of(v[m.group(1)]))
        pos = m.end()
    out.append((tpl[pos:], None))
    return out


def up(v):
    return [(t.upper(), lab) for t, lab in segs_of(v)]


def join(items, sep=", ", last=None):
    out = []
    for i, x in enumerate(items):
        if i:
            out.append((last if (last and i == len(items) - 1) else sep, None))
        out.extend(segs_of(x))
    return out


def assemble(segs):
    text, spans = [], []
    pos = 0
    for t, lab in segs:
        if not t:
            continue
        if lab:
            spans.append({"start": pos, "end": pos + len(t), "label": lab})
        text.append(t)
        pos += len(t)
    return "".join(text), spans


# ---------------------------------------------------------------------------
# Per-document value generator
# ---------------------------------------------------------------------------
class Person:
    def __init__(self, given, family, gender, ff):
        self.given, self.family, self.gender, self.ff = given, family, gender, ff

    @property
    def full(self):
        return f"{self.family} {self.given}" if self.ff else f"{self.given} {self.family}"

    def form(self, style="full"):
        if style == "rev":
            return f"{self.family}, {self.given}"
        if style == "init":
            return f"{self.given[0]}. {self.family}"
        if style == "slash":
            return f"{self.family.upper()}/{self.given.upper().replace(' ', '')}"
        if style == "given":
            return self.given
        if style == "family":
            return self.family
        if style == "caps":
            return self.full.upper()
        return self.full

    def __call__(self, style="full"):
        return (self.form(style), PER)


class Gen:
    def __init__(self, rng: random.Random, loc: Loc):
        self.rng, self.L = rng, loc
        self.used_people: set[str] = set()

    # -- basic randomness
    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    def num(self, a, b):
        return self.rng.randint(a, b)

    def fill(self, pat: str, letters=False) -> str:
        out = []
        for c in pat:
            if c == "#":
                out.append(str(self.num(0, 9)))
            elif c == "%":
                out.append(str(self.num(2, 9)))
            elif c == "A" and letters:
                out.append(self.pick("ABCDEFGHJKLMNPRSTWXY"))
            else:
                out.append(c)
        return "".join(out)

    # -- people
    def person(self, loc=None) -> Person:
        lc = loc or self.L
        for _ in range(20):
            gender = self.pick("fm")
            given = self.pick(lc.given[gender])
            fam = self.pick(lc.family)
            if "~" in fam:
                fam = fam.split("~")[0 if gender == "m" else 1]
            if f"{given} {fam}" not in self.used_people:
                break
        self.used_people.add(f"{given} {fam}")
        return Person(given, fam, gender, lc.fam_first)

    def title(self, p: Person):
        return (self.pick(self.L.titles[p.gender]), TIT)

    def titled(self, p: Person, style="full"):
        """TITLE + PERSON, e.g. 'Dr. Anna Nowak' or 'Mr Smith'."""
        return [self.title(p), " ", p(style)]

    # -- places
    def town(self):
        t = self.pick(self.L.towns)
        name, _, ra = t.partition("@")
        return name, (ra or self.pick(self.L.regions))

    def loc_town(self):
        return (self.town()[0], LOC)

    def region(self):
        return (self.pick(self.L.regions), LOC)

    def country(self):
        return (self.L.country, LOC)

    def postcode(self):
        return (self.fill(self.pick(self.L.pc), letters=True), PC)

    def street_text(self, simple=False):
        fmt = self.L.sfmt[0] if simple else self.pick(self.L.sfmt)
        n = self.num(1, 120)
        vals = {
            "s": self.pick(self.L.streets),
            "n": str(n),
            "na": f"{n}{self.pick('abc')}",
            "u": str(self.num(1, 40)),
            "N": str(self.num(100, 4999)),
            "S": str(self.num(100, 990)),
            "f": str(self.num(1, 6)),
            "L": self.pick("ABCD"),
        }
        return PH_RE.sub(lambda m: vals[m.group(1)], fmt)

    def street(self, simple=False):
        return (self.street_text(simple), STR)

    def pobox(self):
        return (
            self.fill(
                self.pick(self.L.pob).replace("{N}", str(self.num(100, 9999))).replace("{n}", str(self.num(1, 99)))
            ),
            STR,
        )

    def street_block(self, extra=0.35, pob=0.08):
        """Street part of an address block: may include building / unit lines or be a PO box."""
        r = self.rng.random()
        if r < pob:
            return [self.pobox()]
        if r < pob + extra / 2 and self.L.bldgs:
            return [(self.pick(self.L.bldgs), STR), "\n", self.street(simple=True)]
        if r < pob + extra and self.L.units:
            unit = (
                self.fill(
                    self.pick(self.L.units)
                    .replace("{N}", str(self.num(100, 999)))
                    .replace("{u}", str(self.num(1, 30)))
                    .replace("{f}", str(self.num(1, 12)))
                    .replace("{L}", self.pick("ABC"))
                ),
                STR,
            )
            if self.L.code in ("en_GB", "en_IE", "en_ZA", "en_IN", "en_AU"):
                return [unit, "\n", self.street(simple=True)]
            return [self.street(simple=True), "\n", unit]
        return [self.street()]

    def address(self, caps=False, country=False, oneline=False, extra=0.35, pob=0.08):
        name, ra = self.town()
        tpl = self.L.addr
        st = self.street_block(extra, pob) if not oneline else [self.street()]
        segs = R(tpl, st=st, t=(name, LOC), ra=(ra, LOC), pc=self.postcode())
        if country:
            segs += ["\n", self.country()]
        if oneline:
            segs = [(t.replace("\n", ", "), lab) for t, lab in segs]
        return up(segs) if caps else segs

    def city_line(self):
        tpl = self.L.addr.replace("{st}\n", "").replace("\n{st}", "").replace("\n", ", ")
        name, ra = self.town()
        return R(tpl, t=(name, LOC), ra=(ra, LOC), pc=self.postcode())

    def town_region(self):
        name, ra = self.town()
        return [(name, LOC), ", ", (ra if self.chance(0.6) else self.pick(self.L.regions), LOC)]

    def place_ref(self):
        """A town, 'town, region', 'town, country' or a country."""
        r = self.rng.random()
        if r < 0.5:
            return self.loc_town()
        if r < 0.7:
            return self.town_region()
        if r < 0.9:
            return [self.loc_town(), ", ", self.country()]
        return self.country()

    # -- contact data
    def phone(self):
        return (self.fill(self.pick(self.L.phones)), PHO)

    def email(self, p: Person, domain=None):
        g, f = slug(p.given), slug(p.family)
        local = self.pick([f"{g}.{f}", f"{g[0]}.{f}", f"{g}{f[0]}", f, f"{g}_{f}{self.num(1, 99)}", f"{g[0]}{f}"])
        return (f"{local}@{domain or self.pick(self.L.mail)}", EML)

    def domain_of(self, org) -> str:
        name = org[0] if isinstance(org, tuple) else org
        name = LEGAL_RE.sub("", name).strip(" ,")
        words = [slug(w) for w in name.split() if slug(w) and w.lower() not in ("the", "&", "and", "of", "de", "di")]
        base = (
            "".join(words[:2]) if len(words) > 1 and len("".join(words[:2])) < 16 else (words[0] if words else "firm")
        )
        return f"{base}.{self.L.tld if self.chance(0.7) else 'com'}"

    def url(self, dom: str):
        path = self.pick(["", "", "/contact", "/en/about-us", "/careers", "/shop", "/events/2024"])
        pre = self.pick(["https://www.", "https://", "www.", "http://www."])
        return (pre + dom + path, URL)

    # -- organisations
    def org_name(self, kind=None) -> str:
        lc = self.L
        if kind is None:
            kind = self.rng.choices([k for k, _ in KIND_W], [w for _, w in KIND_W])[0]
        fixed = [n for k, n in lc.orgs if k == kind]
        pats = [n for k, n in lc.opats if k == kind]
        fam = lambda: self.person().family  # noqa: E731
        town = lambda: self.town()[0]  # noqa: E731
        r = self.rng.random()
        if kind == "b":
            if r < 0.22 and fixed:
                name = self.pick(fixed)
            elif r < 0.40 and pats:
                name = self.pick(pats)
            elif r < 0.62:
                name = self.pick(BRAND_PRE) + self.pick(BRAND_SUF)
                name = name[0] + name[1:].lower()
                if self.chance(0.45):
                    name += " " + self.pick(BRAND_WORD)
            elif r < 0.78:
                name = self.pick(DESC_A) + " " + self.pick([d for d in DESC_B if d not in DESC_KIND])
            elif r < 0.88:
                name = self.pick(EN_FOUNDER)
            else:
                name = self.pick(GLOBAL_ORGS["b"])
            if not LEGAL_RE.search(name) and self.chance(0.42):
                lf = self.pick(lc.legal)
                name = name + lf if lf.startswith(",") else f"{name} {lf}"
        else:
            pool = fixed * 2 + pats * 2 + GLOBAL_ORGS[kind]
            if kind in "rhe":
                pool += [f"{a} {b}" for a, b in [(self.pick(DESC_A), d) for d, k in DESC_KIND.items() if k == kind]]
            name = self.pick(pool)
            if kind == "r" and self.chance(0.08) and not LEGAL_RE.search(name):
                name += " " + self.pick(lc.legal).lstrip(", ")
        name = (
            name.replace("{F2}", fam()).replace("{F}", fam()).replace("{T}", town()).replace("{G}", self.person().given)
        )
        return name

    def org(self, kind=None, caps=False):
        n = self.org_name(kind)
        return (n.upper() if caps else n, ORG)

    def orgs(self, k, kind=None):
        seen, out = set(), []
        while len(out) < k:
            o = self.org(kind)
            if o[0] not in seen:
                seen.add(o[0])
                out.append(o)
        return out

    # -- other identifiers
    def iban(self):
        cc, bban = IBAN_FMT.get(self.L.code, ("DE", "#" * 18))
        bban = "".join(str(self.num(0, 9)) if c == "#" else c for c in bban)
        num = int("".join(str(int(c, 36)) for c in bban + cc + "00"))
        raw = f"{cc}{98 - num % 97:02d}{bban}"
        return (" ".join(raw[i : i + 4] for i in range(0, len(raw), 4)), "IBAN_CODE")

    def bank(self):
        """IBAN where the locale uses one, otherwise an unlabelled local account reference."""
        if self.L.code in IBAN_FMT:
            return self.iban()
        return f"the account ending {self.fill('####')} (see remittance advice)"

    def card(self):
        d = [4] + [self.num(0, 9) for _ in range(14)]
        tot = 0
        for i, x in enumerate(reversed(d)):
            x = x * 2 if i % 2 == 0 else x
            tot += x - 9 if x > 9 else x
        d.append((10 - tot % 10) % 10)
        s = "".join(map(str, d))
        return (" ".join(s[i : i + 4] for i in range(0, 16, 4)), "CREDIT_CARD")

    def ssn(self):
        return (f"{self.num(101, 665):03d}-{self.num(1, 99):02d}-{self.num(1, 9999):04d}", "US_SSN")

    def natid(self):
        c = self.L.code
        if c == "pl_PL":
            return (self.fill("###########"), "NATIONAL_ID")
        if c == "en_GB":
            return (
                self.fill(
                    f"{self.pick('ABCEHJKLMNPRSTWY')}{self.pick('ABCEHJKLMNPRSTWY')} ## ## ## {self.pick('ABCD')}"
                ),
                "NATIONAL_ID",
            )
        if c == "es_ES":
            return (self.fill("########") + self.pick("TRWAGMYFPDXBNJZSQVHLCKE"), "NATIONAL_ID")
        if c == "sv_SE":
            return (f"{self.num(60, 99)}{self.num(1, 12):02d}{self.num(1, 28):02d}-{self.fill('####')}", "NATIONAL_ID")
        if c == "en_US":
            return self.ssn()
        return (self.fill("### ### ###"), "NATIONAL_ID")

    def ip(self):
        return (
            f"{self.pick([81, 92, 145, 178, 185, 212, 217])}.{self.num(0, 255)}.{self.num(0, 255)}.{self.num(1, 254)}",
            "IP_ADDRESS",
        )

    # -- decoys (unlabelled)
    def date(self, y0=2022, y1=2025):
        d, m, y = self.num(1, 28), self.pick(MONTHS), self.num(y0, y1)
        if self.L.code == "en_US":
            return f"{m} {d}, {y}"
        return self.pick(
            [f"{d} {m} {y}", f"{d:02d}.{MONTHS.index(m) + 1:02d}.{y}", f"{y}-{MONTHS.index(m) + 1:02d}-{d:02d}"]
        )

    def dob(self):
        return (self.date(1958, 2003), "DATE_OF_BIRTH")

    def money(self, a=20, b=9000):
        cur = CURRENCY.get(self.L.code, "€")
        return (
            f"{cur}{self.num(a, b)}.{self.num(0, 99):02d}"
            if len(cur) < 3
            else f"{cur}{self.num(a, b)},{self.num(0, 99):02d}"
        )

    def ref(self, kind="ORD"):
        return self.pick(
            [
                f"{kind}-{self.num(2022, 2025)}-{self.num(10000, 99999)}",
                f"{kind}{self.num(100000, 999999)}",
                f"#{self.num(10000, 999999)}",
            ]
        )

    def time(self):
        return f"{self.num(8, 17)}:{self.pick(['00', '15', '30', '45'])}"

    def vat(self):
        cc = IBAN_FMT.get(self.L.code, ("EU", ""))[0]
        return f"{cc}{self.fill('#########')}"

    def job(self):
        return self.pick(JOBS)


# fmt: off
# ---------------------------------------------------------------------------
# Templates: fn(g) -> segments. Registered as (layout, template name, fn, negative?)
# ---------------------------------------------------------------------------
TEMPLATES: list[tuple[str, str, object, bool]] = []


def T(layout, name, neg=False):
    def deco(fn):
        TEMPLATES.append((layout, name, fn, neg))
        return fn

    return deco


def greet(g, p):
    return g.pick(
        [
            ["Dear ", g.title(p), " ", p("family"), ","], ["Hi ", p("given"), ","], ["Hello ", p("given"), ","],
            ["Dear ", p(), ","],
        ]
    )


@T("email_signature", "sig_block")
def _(g):
    p, q, o = g.person(), g.person(), g.org("b")
    dom = g.domain_of(o)
    body = g.pick(
        [
            "Please find the signed quote attached.",
            "Thanks for the call earlier, I will send the samples on " + g.pick(DAYS) + ".",
            "Could you confirm the delivery slot for order " + g.ref() + "?",
        ]
    )
    return R(
        "{gr}\n\n{body}\n\nBest regards,\n{p}\n{job}\n{o}\n{addr}\nTel. {ph}\n{em}\n{url}", gr=greet(g, q), body=body,
        p=p(), job=g.job(), o=o, addr=g.address(), ph=g.phone(), em=g.email(p, dom), url=g.url(dom))


@T("email_signature", "sig_oneline")
def _(g):
    p, o = g.person(), g.org()
    dom = g.domain_of(o)
    return R(
        "Thanks, will do.\n\n--\n{p} | {job} | {o} | {ph} | {dom}", p=p(), job=g.job(), o=o, ph=g.phone(),
        dom=(dom, DOM))


@T("email_signature", "sig_caps_company")
def _(g):
    p, o = g.person(), g.org("b")
    dom = g.domain_of(o)
    return R(
        "Kind regards\n\n{p}\n{job}\n\n{o}\n{st}, {cl}\nMobile: {ph} | Office: {ph2}\n{url}", p=p(), job=g.job(),
        o=up(o), st=g.street(), cl=g.city_line(), ph=g.phone(), ph2=g.phone(), url=g.url(dom))


@T("email_signature", "sig_reply_chain")
def _(g):
    p, q, o, o2 = g.person(), g.person(), g.org(), g.org("b")
    return R(
        "Sounds good, see you there.\n\n{q}\n{o2} | {t2}, {c}\n\nOn {day}, {date}, {p} <{em}> wrote:\n> Hi {qg}, quick "
        "update from {o}: we have moved to our new office in {t}. The old address on {st} is no longer staffed.", q=q(),
        o2=o2, t2=g.loc_town(), c=g.country(), day=g.pick(DAYS), date=g.date(), p=p(), em=g.email(p, g.domain_of(o)),
        qg=q("given"), o=o, t=g.loc_town(), st=g.street())


@T("email_signature", "sig_disclaimer")
def _(g):
    p, o = g.person(), g.org("b")
    return R(
        "Regards,\n{tp}\n{job}, {dept}\nDirect: {ph}\n\nThis message is confidential and intended for the addressee "
        "only. {o} is registered in {c}; registered office: {addr}. VAT no. {vat}.", tp=g.titled(p), job=g.job(),
        dept=g.pick(DEPTS), ph=g.phone(), o=o, c=g.country(), addr=g.address(oneline=True), vat=g.vat())


@T("business_letter", "letter_full")
def _(g):
    p, q, o, o2 = g.person(), g.person(), g.org("b"), g.org()
    return R(
        "{o}\n{sa}\n\n{tq}\n{o2}\n{ra}\n\n{date}\n\nDear {tq2},\n\nFurther to our meeting in {t}, I am pleased to "
        "confirm that {o} will supply the components discussed. Our partners at {o3} will handle installation.\n\n"
        "Yours sincerely,\n\n{p}\n{job}", o=o, sa=g.address(), tq=g.titled(q), o2=o2, ra=g.address(extra=0.5),
        date=g.date(), tq2=[g.title(q), " ", q("family")], t=g.loc_town(), o3=g.org(), p=p(), job=g.job())


@T("business_letter", "letter_caps_recipient")
def _(g):
    p, q = g.person(), g.person()
    return R(
        "{ps}\n{sa}\n\n{Q}\n{O}\n{ra}\n\n{date}\n\nRe: account {ref}\n\nDear Sir or Madam,\n\nI am writing on behalf "
        "of {o} to request a copy of the maintenance contract for our site in {t}.\n\nSincerely,\n{ps2}", ps=p(),
        sa=g.address(), Q=up(q()), O=g.org(caps=True), ra=g.address(caps=True, country=True), date=g.date(),
        ref=g.ref("ACC"), o=g.org("b"), t=g.loc_town(), ps2=p())


@T("business_letter", "letter_complaint")
def _(g):
    p, o = g.person(), g.org("r")
    return R(
        "{p}\n{addr}\n\nTo: Customer Service, {o}\n\nComplaint regarding order {ref}\n\nOn {date} I bought a {prod} "
        "at your {t} branch. It stopped working after two weeks. {o}'s support team told me to contact the "
        "manufacturer, {o2}, who sent me back to you. Please call me on {ph}.\n\n{p2}", p=p(), addr=g.address(), o=o,
        ref=g.ref(), date=g.date(), prod=g.pick(PRODUCTS), t=g.loc_town(), o2=g.org("b"), ph=g.phone(), p2=p())


@T("business_letter", "letter_partnership")
def _(g):
    p, o, o2 = g.person(), g.org("b"), g.org("b")
    return R(
        "{o}\n{addr}\n\n{date}\n\nDear partners,\n\nWe are delighted to announce that {o} and {o2}, based in {tr}, "
        "have signed a cooperation agreement. From {m} both firms will share a warehouse in {t2}.\n\n"
        "With best wishes,\n{tp}\nManaging Director", o=o, addr=g.address(), date=g.date(), o2=o2, tr=g.town_region(),
        m=g.pick(MONTHS), t2=g.loc_town(), tp=g.titled(p))


@T("shipping_label", "label_caps")
def _(g):
    p = g.person()
    to = [up(p()), "\n"] + ([g.org(caps=True), "\n"] if g.chance(0.5) else [])
    return R(
        "SHIP TO:\n{to}{addr}\nTEL {ph}\n\nFROM:\n{of}\n{fa}\n\nREF {ref}   WEIGHT {w} KG   PARCEL 1/1", to=to,
        addr=g.address(caps=True, country=g.chance(0.6)), ph=g.phone(), of=g.org(caps=True), fa=g.address(caps=True),
        ref=g.ref("SHP"), w=f"{g.num(1, 30)}.{g.num(0, 9)}")


@T("shipping_label", "label_mixed")
def _(g):
    p = g.person()
    return R(
        "Deliver to:\n{p}\nc/o {o}\n{addr}\nPhone: {ph}\n\nOrder {ref} - 2 of 3 - leave with reception if absent",
        p=p(), o=g.org(), addr=g.address(extra=0.6, pob=0), ph=g.phone(), ref=g.ref())


@T("shipping_label", "label_return")
def _(g):
    p = g.person()
    return R(
        "RETURN TO SENDER\nReturns Dept., {o}\n{ra}\n\nRecipient moved away:\n{p}\n{addr}\nReason: addressee unknown",
        o=g.org("b"), ra=g.address(pob=0.3), p=p("caps"), addr=g.address(caps=True))


@T("shipping_label", "label_consignee")
def _(g):
    p = g.person()
    return R(
        "CONSIGNEE: {p}\n{addr}\nSHIPPER: {o}\n{sa}\nAWB {awb}  PCS 1  CONTENTS: SPARE PARTS", p=p("slash"),
        addr=g.address(caps=True, country=True, extra=0.2), o=g.org("b", caps=True), sa=g.address(caps=True),
        awb=g.fill("###-########"))


@T("invoice", "invoice_header")
def _(g):
    o, o2, p = g.org("b"), g.org(), g.person()
    return R(
        "INVOICE {inv}\nDate: {date}\n\n{o}\n{sa}\nVAT ID {vat}\n\nBill to:\n{o2}\nAttn: {p}\n{ba}\n\n"
        "1 x {prod}  {m1}\n2 x Installation service  {m2}\nTotal due: {m3}\n\nPlease pay to {iban} within 14 days.",
        inv=g.ref("INV"), date=g.date(), o=o, sa=g.address(), vat=g.vat(), o2=o2, p=p(), ba=g.address(extra=0.5),
        prod=g.pick(PRODUCTS), m1=g.money(), m2=g.money(), m3=g.money(), iban=g.bank())


@T("invoice", "invoice_reminder")
def _(g):
    o, o2 = g.org("b"), g.org("b")
    return R(
        "Payment reminder\n\nInvoice {inv} issued by {o} to {o2} on {date} is overdue. Please transfer {m} to "
        "{iban} quoting customer no. {cust}. Questions: {dept}, {ph}.", inv=g.ref("INV"), o=o, o2=o2, date=g.date(),
        m=g.money(), iban=g.bank(), cust=g.ref("CUST"), dept=g.pick(DEPTS), ph=g.phone())


@T("invoice", "receipt_shop")
def _(g):
    o = g.org("r")
    return R(
        "{O}\n{st}\n{cl}\nTel {ph}\n\nReceipt {ref}   {date} {time}\nItem  {prod}   {m}\nCard ****{last4}\n\n"
        "Thank you for shopping with us!", O=up(o) if g.chance(0.5) else o, st=g.street(), cl=g.city_line(),
        ph=g.phone(), ref=g.ref("R"), date=g.date(), time=g.time(), prod=g.pick(PRODUCTS), m=g.money(),
        last4=g.fill("####"))


@T("invoice", "order_confirmation")
def _(g):
    p, o = g.person(), g.org(g.pick("br"))
    return R(
        "Thank you for your order at {o}!\n\nOrder {ref}\nDelivery address: {addr}\nBilling name: {p}\nPaid with "
        "card {card}\nEstimated delivery: {date}", o=o, ref=g.ref(), addr=g.address(oneline=True), p=p(), card=g.card(),
        date=g.date())


def history(g, k=3):
    out, y = [], g.num(2019, 2023)
    for _ in range(k):
        y0 = y - g.num(2, 5)
        out += [f"{y0}–{y}  {g.job()}, ", g.org(), ", ", g.loc_town(), "\n"]
        y = y0
    return out


@T("cv", "cv_header")
def _(g):
    p = g.person()
    return R(
        "{p}\n{st}, {cl}\n{ph} · {em}\nDate of birth: {dob}\nNationality: {nat}\n\nEXPERIENCE\n{hist}", p=p(),
        st=g.street(), cl=g.city_line(), ph=g.phone(), em=g.email(p), dob=g.dob(), nat=g.L.nat,
        hist=history(g, g.num(2, 4)))


@T("cv", "cv_history")
def _(g):
    return R(
        "Professional history\n\n• {j1} at {o1} ({t1}), since {y1}\n• {j2} at {o2}, {t2}\n• Internship, {o3} – "
        "{t3}, {c}\n• Volunteer, {ngo}", j1=g.job(), o1=g.org(), t1=g.loc_town(), y1=g.num(2015, 2022), j2=g.job(),
        o2=g.org(), t2=g.loc_town(), o3=g.org("b"), t3=g.loc_town(), c=g.country(), ngo=g.org("n"))


@T("cv", "cv_education")
def _(g):
    p = g.person()
    return R(
        "{p} – Education\n\n{y1}–{y2}  MSc Supply Chain Management, {e1}, {t1}\n{y3}–{y1}  BA Economics, {e2}\n"
        "Exchange semester: {e3}, {c}\nCertificates: PRINCE2, IELTS 8.0", p=p(), y1=2016, y2=2018, y3=2013,
        e1=g.org("e"), t1=g.loc_town(), e2=g.org("e"), e3=g.org("e"), c=g.country())


@T("cv", "cv_caps_header")
def _(g):
    p = g.person()
    return R(
        "CURRICULUM VITAE\n\n{P}\n{addr}\nE-MAIL: {em}   PHONE: {ph}\n\nCURRENT EMPLOYER: {o}\nPREVIOUS: {o2}, {o3}",
        P=up(p()), addr=g.address(caps=True), em=g.email(p), ph=g.phone(), o=g.org(caps=True), o2=g.org(caps=True),
        o3=g.org(caps=True))


@T("profile_blurb", "about_first_person")
def _(g):
    return R(
        "About\nI'm a {job} at {o}, based in {t}. Before that I spent five years with {o2} and {o3}. Born in {t2}, "
        "I moved to {t3} in {y}. In my free time I volunteer at {n} and row with {c}.", job=g.job().lower(), o=g.org(),
        t=g.loc_town(), o2=g.org(), o3=g.org(), t2=g.place_ref(), t3=g.loc_town(), y=g.num(2008, 2021), n=g.org("n"),
        c=g.org("c"))


@T("profile_blurb", "about_third_person")
def _(g):
    p = g.person()
    return R(
        "{p} joined {o} in {y} as {job}. Previously {she} led {o2}'s expansion into {c}, opening offices in {t} and "
        "{t2}. {pf} studied at {e} and sits on the board of {n}.", p=p(), she="she" if p.gender == "f" else "he",
        o=g.org(), y=g.num(2014, 2023), job=g.job(), o2=g.org("b"), c=g.country(), t=g.loc_town(), t2=g.loc_town(),
        pf=p("family"), e=g.org("e"), n=g.org("n"))


@T("profile_blurb", "about_headline")
def _(g):
    return R(
        "{job} @ {o} | ex-{o2} | {pl}\n{n} mentor · {c} member", job=g.job(), o=g.org(), o2=g.org("b"),
        pl=g.place_ref(), n=g.org("n"), c=g.org("c"))


@T("chat", "chat_whatsapp")
def _(g):
    a, b = g.person(), g.person()
    return R(
        "[09:4{i}] {a}: are you still at {o}?\n[09:5{i}] {b}: yes, but they're closing the {t} office in {m}\n"
        "[09:5{j}] {a}: wow. {o2} is hiring, they're on {st}\n[10:0{i}] {b}: thanks!! will ask {c} from {o3} tonight",
        i=g.num(0, 4), j=g.num(5, 9), a=a("given"), b=b("given"), o=g.org(), t=g.loc_town(), m=g.pick(MONTHS),
        o2=g.org(), st=g.street(), c=g.person()("given"), o3=g.org())


@T("chat", "chat_slack")
def _(g):
    a, b = g.person(), g.person()
    return R(
        "#random\n{a}: anyone been to {r} near {st}? thinking of booking it for the team lunch\n{b}: yes, great "
        "food. Or try {r2} in {t}\n{a}: {t} is a bit far from the {t2} office tbh", a=a(), b=b("given"), r=g.org("r"),
        st=g.street(), r2=g.org("r"), t=g.loc_town(), t2=g.loc_town())


@T("chat", "chat_support_live")
def _(g):
    p = g.person()
    return R(
        "Chat started with {o} support\nAgent {ag}: Hello, how can I help?\nCustomer: my parcel {ref} went to the "
        "wrong place. My address is {addr}\nAgent {ag}: Sorry about that, {pg}. I'll ask our courier partner "
        "{o2} to redeliver on {day}.\nCustomer: thanks, my number is {ph}", o=g.org("b"), ag=g.person()("given"),
        ref=g.ref(), addr=g.address(oneline=True, pob=0), pg=p("given"), o2=g.org("b"), day=g.pick(DAYS), ph=g.phone())


@T("support_ticket", "ticket_address_change")
def _(g):
    p = g.person()
    return R(
        "Ticket {tk}\nCustomer: {p}\nCompany: {o}\nSubject: change of delivery address\n\nPlease update our "
        "address from\n{a1}\nto\n{a2}\nThe new contact is {q}, {ph}.\nPriority: normal", tk=g.ref("TCK"), p=p("rev"),
        o=g.org(), a1=g.address(), a2=g.address(extra=0.6), q=g.person()(), ph=g.phone())


@T("support_ticket", "ticket_it")
def _(g):
    p = g.person()
    return R(
        "INC{n} – VPN login fails\nReporter: {p} ({o}, {t} site)\nSource IP: {ip}\nDescription: since the "
        "update on {day} the client cannot reach the {t2} data centre. Contact: {em}\nAssigned to: the IT helpdesk",
        n=g.num(100000, 999999), p=p(), o=g.org("b"), t=g.loc_town(), ip=g.ip(), day=g.pick(DAYS), t2=g.loc_town(),
        em=g.email(p))


@T("support_ticket", "ticket_billing")
def _(g):
    p = g.person()
    return R(
        "Case {case}: duplicate charge\nFrom: {p} <{em}>\nEmployer: {o}\n\nI was charged twice for invoice {inv}. "
        "Please refund to {iban}. I live at {st}, {cl}.\n-- sent from {o2} customer portal", case=g.ref("CS"), p=p(),
        em=g.email(p), o=g.org(), inv=g.ref("INV"), iban=g.bank(), st=g.street(), cl=g.city_line(), o2=g.org("b"))


@T("news", "news_announce")
def _(g):
    p, o = g.person(), g.org("b")
    return R(
        '{o} announced on {day} that it will open a new plant in {t}, {r}, creating 240 jobs. "{t} gives us '
        'access to skilled people," said chief executive {p}. The company already employs 900 staff in {c}. '
        "Local firm {o2} will build the site.", o=o, day=g.pick(DAYS), t=g.loc_town(), r=g.region(), p=p(),
        c=g.country(), o2=g.org("b"))


@T("news", "news_acquisition")
def _(g):
    o, o2 = g.org("b"), g.org("b")
    return R(
        "{o} acquires {o2}\n\n{t} – {o}, the {t2}-based maker of industrial sensors, has agreed to buy rival "
        "{o2} for an undisclosed sum. Advisers {ls} worked on the deal. {o2}'s founder {p} will stay on.", o=o, o2=o2,
        t=g.loc_town(), t2=g.loc_town(), ls=join(g.orgs(2, "l"), last=" and "), p=g.person()())


@T("news", "news_local_council")
def _(g):
    return R(
        "{pb} has approved plans to pedestrianise {st} in {t}. Shop owners, including {r} and {r2}, welcomed the "
        "decision. A spokesperson for the council said work would start in {m}. The charity {n} will run a "
        "community garden nearby.", pb=g.org("p"), st=(g.street_text().split(",")[0], STR), t=g.loc_town(),
        r=g.org("r"), r2=g.org("r"), m=g.pick(MONTHS), n=g.org("n"))


@T("news", "news_sports")
def _(g):
    c, c2 = g.org("c"), g.org("c")
    return R(
        "{c} beat {c2} 3–1 on {day} in front of 2,400 fans in {t}. Striker {p} scored twice. The match was "
        "sponsored by {o}. Next week {c} travel to {t2}, {r}.", c=c, c2=c2, day=g.pick(DAYS), t=g.loc_town(),
        p=g.person()(), o=g.org("b"), t2=g.loc_town(), r=g.region())


@T("meeting_notes", "notes_attendees")
def _(g):
    ps = [g.person() for _ in range(3)]
    return R(
        "Meeting notes – {date}, {time}\nVenue: {h}, {addr}\nAttendees: {a1} ({o1}), {a2} ({o2}), {a3} ({o3})\n\n"
        "1. {o1} to send revised pricing by {day}.\n2. {a2s} to check stock levels in the {t} warehouse.\n"
        "3. Next meeting at {o3}'s office in {t2}.", date=g.date(), time=g.time(), h=g.org("r"),
        addr=g.address(oneline=True, pob=0), a1=ps[0](), a2=ps[1](), a3=ps[2](g.pick(["full", "init"])), o1=g.org(),
        o2=g.org(), o3=g.org("b"), day=g.pick(DAYS), a2s=ps[1]("family"), t=g.loc_town(), t2=g.loc_town())


@T("meeting_notes", "notes_site_visit")
def _(g):
    p, o = g.person(), g.org("b")
    return R(
        "Site visit report\nSupplier: {o} ({t})\nAddress: {st}, {cl}\nHosted by: {tp}, {job}\n\nThe production "
        "line is in good order. {o} sources resin from {o2} and packaging from {o3}. Follow-up audit planned for "
        "{m}.", o=o, t=g.loc_town(), st=g.street(), cl=g.city_line(), tp=g.titled(p), job=g.job(), o2=g.org("b"),
        o3=g.org("b"), m=g.pick(MONTHS))


@T("meeting_notes", "notes_actions")
def _(g):
    a, b = g.person(), g.person()
    return R(
        "Action items ({day})\n- {a}: call {o} about the delayed shipment to {t}\n- {b}: draft the sponsorship "
        "proposal for {c}\n- All: book hotels near {h} for the {t2} trade fair\n- Ask {dept} to pay {o2}",
        day=g.pick(DAYS), a=a("given"), o=g.org(), t=g.loc_town(), b=b("init"), c=g.org("c"), h=g.org("r"),
        t2=g.loc_town(), dept=g.pick(DEPTS), o2=g.org("b"))


@T("attendee_list", "attendees_table")
def _(g):
    rows = []
    for _ in range(g.num(3, 6)):
        p = g.person()
        rows += [
            p(g.pick(["full", "rev"])), " | ", g.org(), " | ", g.loc_town(), " | ",
            g.email(p) if g.chance(0.4) else "—", "\n",
        ]
    return R(
        "Workshop on circular packaging – registered participants\n\nName | Organisation | City | Email\n{rows}"
        "Room B2, {d}", rows=rows, d=g.date())


@T("attendee_list", "attendees_badges")
def _(g):
    out = []
    for _ in range(g.num(3, 5)):
        p = g.person()
        out += [up(p()), "\n", g.org(caps=True), "\n", up(g.place_ref()), "\n\n"]
    return R("CONFERENCE BADGES – PRINT RUN {n}\n\n{b}VISITOR PASSES: 40", n=g.num(1, 9), b=out)


@T("reference_letter", "ref_employer")
def _(g):
    p, q, o = g.person(), g.person(), g.org("b")
    he = "She" if p.gender == "f" else "He"
    return R(
        "{o}\n{addr}\n\nTo whom it may concern,\n\n{tp} worked at {o} from {y} to {y2} as {job} in our {t} office. "
        "{he} managed our accounts with {o2} and {o3} with great care. I recommend {pg} without reservation.\n\n"
        "{q}\nHead of Operations\n{ph}", o=o, addr=g.address(), tp=g.titled(p), y=g.num(2012, 2017),
        y2=g.num(2018, 2024), job=g.job(), t=g.loc_town(), he=he, o2=g.org(), o3=g.org(), pg=p("given"), q=q(),
        ph=g.phone())


@T("reference_letter", "ref_academic")
def _(g):
    p, q = g.person(), g.person()
    return R(
        "{e}\nDepartment of Chemistry\n{addr}\n\nLetter of recommendation for {p}\n\nI supervised {pf}'s thesis, "
        "carried out jointly with {o} in {t}. {pf} also completed a placement at {h}.\n\n{tq}\n{em}", e=g.org("e"),
        addr=g.address(), p=p(), pf=p("family"), o=g.org("b"), t=g.loc_town(), h=g.org("h"), tq=g.titled(q),
        em=g.email(q))


@T("supplier_list", "suppliers_table")
def _(g):
    rows = []
    for _ in range(g.num(3, 6)):
        rows += [
            g.org(), " | ", g.person()(), " | ", g.loc_town(), " | ", g.phone(), " | ", g.pick(["A", "B", "C"]), "\n",
        ]
    return R(
        "Approved supplier list (rev. {n})\nSupplier | Contact | Town | Phone | Rating\n{rows}", n=g.num(2, 14),
        rows=rows)


@T("supplier_list", "suppliers_sentence")
def _(g):
    return R(
        "Our main suppliers are {lst}. Fresh produce comes from {o} near {t}, and since {y} we buy coffee from "
        "{o2} ({t2}).", lst=join(g.orgs(g.num(2, 4)), ", ", " and "), o=g.org(), t=g.loc_town(), y=g.num(2016, 2024),
        o2=g.org(), t2=g.loc_town())


@T("sponsorship", "sponsor_note")
def _(g):
    return R(
        "Sponsored by {o}\n\nThe {t} Summer Festival is supported by {lst}. Special thanks to {r} for the "
        "catering and to {c} for the volunteers.", o=g.org("b"), t=g.loc_town(),
        lst=join(g.orgs(g.num(2, 3)), ", ", " and "), r=g.org("r"), c=g.org("c"))


@T("sponsorship", "sponsor_thanks")
def _(g):
    p = g.person()
    return R(
        "Dear {p},\n\nOn behalf of {n}, thank you for {o}'s generous donation to our shelter in {t}. Your support "
        "funds 30 beds this winter. We will list {o} as a gold sponsor on {dom}.\n\nWarmly,\n{q}\n{n}", p=p(),
        n=g.org("n"), o=g.org("b"), t=g.loc_town(), dom=(g.domain_of(g.org("n")), DOM), q=g.person()())


@T("job_advert", "job_ad")
def _(g):
    o = g.org("b")
    return R(
        "{o} is hiring: {job} (m/f/d)\nLocation: {t}, {c} – hybrid\n\nAbout us: founded in {y}, {o} builds "
        "software for {o2} and {o3}.\nApply by {date} to {em} or visit {url}", o=o, job=g.job(), t=g.loc_town(),
        c=g.country(), y=g.num(1985, 2020), o2=g.org(), o3=g.org(), date=g.date(), em=(f"jobs@{g.domain_of(o)}", EML),
        url=g.url(g.domain_of(o)))


@T("job_advert", "job_ad_agency")
def _(g):
    return R(
        "Our client, a {adj} {kind} in {t}, is looking for a {job}. Experience at firms like {o} or {o2} is a plus. "
        "Contact {p} at {o3}: {ph}", adj=g.pick(["fast-growing", "family-owned", "well-known"]),
        kind=g.pick(["manufacturer", "retailer", "logistics provider"]), t=g.loc_town(), job=g.job(), o=g.org("b"),
        o2=g.org("b"), p=g.person()(), o3=g.org("b"), ph=g.phone())


@T("review", "review_shop")
def _(g):
    o = g.org("r")
    return R(
        "★★★★☆ Great little shop\nVisited {o} on {st} last {day}. The owner, {pg}, helped me pick a gift. Much "
        "friendlier than the big chains in {t}. Parking is tricky though.", o=o, st=g.street(), day=g.pick(DAYS),
        pg=g.person()("given"), t=g.loc_town())


@T("review", "review_hotel")
def _(g):
    return R(
        "Stayed 3 nights at {h} in {t}. Clean rooms, view of the harbour. Staff arranged a trip to {t2} and a "
        "table at {r}. Only downside: breakfast ends at 10. Would come back to {c}!", h=g.org("r"), t=g.loc_town(),
        t2=g.loc_town(), r=g.org("r"), c=g.country())


@T("review", "review_restaurant")
def _(g):
    return R(
        "1/5 – {r} ({t})\nWaited an hour for cold pasta. I emailed {r}'s manager and never heard back. Go to {r2} "
        "on {st} instead.", r=g.org("r"), t=g.loc_town(), r2=g.org("r"), st=g.street())


@T("school_letter", "school_parent")
def _(g):
    p, c, q = g.person(), g.person(), g.person()
    return R(
        "{e}\n{addr}\n\n{date}\n\nDear {tp},\n\n{cg} has been selected for the regional maths olympiad in {t}. "
        "Transport will be provided by {o}. Please return the consent form to the school office.\n\n"
        "{tq}\nHead Teacher", e=g.org("e"), addr=g.address(), date=g.date(), tp=[g.title(p), " ", p("family")],
        cg=c("given"), t=g.loc_town(), o=g.org("b"), tq=g.titled(q))


@T("school_letter", "school_trip")
def _(g):
    return R(
        "School trip – Year 8\nDestination: {t}, {r}\nAccommodation: {h}, {addr}\nGuided tour by {n}\nDeparture: "
        "{day} {time} from the school car park. Emergency contact: {p}, {ph}", t=g.loc_town(), r=g.region(),
        h=g.org("r"), addr=g.address(oneline=True, pob=0), n=g.org(g.pick("nc")), day=g.pick(DAYS), time=g.time(),
        p=g.person()(), ph=g.phone())


@T("hospital_letter", "hosp_appointment")
def _(g):
    p, d = g.person(), g.person()
    return R(
        "{h}\nOutpatient Department\n{addr}\n\n{tp}\n{pa}\n\nYour appointment with {td} is on {date} at {time}. "
        "Please bring your referral from {gp}. If you cannot attend, call {ph}.\nPatient ID: {pid}", h=g.org("h"),
        addr=g.address(), tp=g.titled(p), pa=g.address(pob=0), td=g.titled(d), date=g.date(), time=g.time(),
        gp=g.org("h"), ph=g.phone(), pid=g.ref("PT"))


@T("hospital_letter", "hosp_discharge")
def _(g):
    p, d = g.person(), g.person()
    return R(
        "Discharge summary\nPatient: {p}, born {dob}\nID number: {nid}\nAdmitted to {h}, ward 4, {d1}; "
        "discharged {d2}.\nFollow-up: {gp}, {st}, {t}.\nSigned: {td}", p=p("rev"), dob=g.dob(), nid=g.natid(),
        h=g.org("h"), d1=g.date(), d2=g.date(), gp=g.org("h"), st=g.street(), t=g.loc_town(), td=g.titled(d, "init"))


@T("business_directory", "dir_listing")
def _(g):
    out, (kind, cat) = (
        [],
        g.pick(
            [
                ("r", "Bakeries & cafés"), ("l", "Solicitors"), ("b", "Local businesses"), ("h", "Clinics"),
                ("r", "Hotels & restaurants"),
            ]
        ))
    for _ in range(g.num(2, 4)):
        o = g.org(kind)
        out += [
            o, "\n", g.address(extra=0.2), "\n", g.phone(), " · ",
            (g.domain_of(o), DOM) if g.chance(0.5) else g.url(g.domain_of(o)), "\n\n",
        ]
    return R("{cat} in {t}\n\n{rows}Listings updated {m}", cat=cat, t=g.loc_town(), rows=out, m=g.pick(MONTHS))


@T("form", "form_registration")
def _(g):
    p = g.person()
    return R(
        "Trade fair registration\nFirst name: {pg}\nLast name: {pf}\nCompany: {o}\nJob title: {job}\nStreet: {st}\n"
        "Postcode: {pc}\nCity: {t}\nCountry: {c}\nPhone: {ph}\nEmail: {em}\nHow did you hear about us? "
        "Recommended by {o2}", pg=p("given"), pf=p("family"), o=g.org(), job=g.job(), st=g.street(), pc=g.postcode(),
        t=g.loc_town(), c=g.country(), ph=g.phone(), em=g.email(p), o2=g.org())


@T("form", "form_onboarding")
def _(g):
    p = g.person()
    return R(
        "New employee onboarding\nEmployee: {p}\nEmployer: {o}\nWork location: the {t} office\nHome address: "
        "{addr}\nID / tax number: {nid}\nSalary account: {iban}\nPrevious employer: {o2}", p=p(), o=g.org("b"),
        t=g.loc_town(), addr=g.address(oneline=True, pob=0), nid=g.natid(), iban=g.bank(), o2=g.org())


@T("business_letter", "moving_notice")
def _(g):
    o = g.org()
    return R(
        "We've moved!\n\nFrom {date}, {o} can be found at:\n{addr}\n\n(previously {old}). Our {t} workshop stays "
        "open. Tel. {ph}", date=g.date(), o=o, addr=g.address(extra=0.6), old=g.address(oneline=True, pob=0),
        t=g.loc_town(), ph=g.phone())


@T("news", "news_people_moves")
def _(g):
    p = g.person()
    return R(
        "People on the move: {p}, formerly of {o}, has been appointed {job} at {o2} ({t}). {pf} was born in {bt} "
        "and previously worked for {o3} in {c}.", p=p(), o=g.org(), job=g.job(), o2=g.org("b"), t=g.loc_town(),
        pf=p("family"), bt=g.loc_town(), o3=g.org(), c=g.country())


# ----- documents without PII (look-alikes only) ----------------------------
@T("meeting_notes", "neg_meeting", neg=True)
def _(g):
    return R(
        "Weekly sync – {day} {time}\nAgenda: Q{q} targets, the new CRM rollout, feedback from the council meeting, "
        "budget for the {m} campaign.\nDecisions: the HR team will update the handbook; Procurement to renegotiate "
        "with the bank. Next sync on {day2}.", day=g.pick(DAYS), time=g.time(), q=g.num(1, 4), m=g.pick(MONTHS),
        day2=g.pick(DAYS))


@T("invoice", "neg_order", neg=True)
def _(g):
    return R(
        "Order {ref} confirmed\n\nItems: {prod} (SKU {sku}), qty 2\nSubtotal {m}\nShipping: standard, 3–5 working "
        "days\nInvoice {inv} will follow by email. Customer number {cust}.", ref=g.ref(), prod=g.pick(PRODUCTS),
        sku=g.fill("SKU-####-##"), m=g.money(), inv=g.ref("INV"), cust=g.ref("CUST"))


@T("support_ticket", "neg_ticket", neg=True)
def _(g):
    return R(
        "Ticket {tk} – printer on floor {f} offline\nReported {date} {time} via the IT helpdesk. Status: waiting "
        "for parts. Our team expects a fix by {day}. Related: {tk2}.", tk=g.ref("TCK"), f=g.num(1, 6), date=g.date(),
        time=g.time(), day=g.pick(DAYS), tk2=g.ref("TCK"))


@T("job_advert", "neg_job", neg=True)
def _(g):
    return R(
        "We are hiring a {job}!\nYou will report to the {job2} and work with the finance department. {nat} or "
        "English language skills required. Start date: {m}. Salary band C, 30 days holiday.", job=g.job(), job2=g.job(),
        nat=g.L.nat, m=g.pick(MONTHS))


@T("news", "neg_news", neg=True)
def _(g):
    return R(
        "Inflation eased to {x}.{y}% in {m}, the statistics office said on {day}. Economists at the central bank "
        "expect rates to stay on hold. {nat} exporters reported stronger orders, while the council warned about "
        "road closures over the holiday weekend.", x=g.num(1, 6), y=g.num(0, 9), m=g.pick(MONTHS), day=g.pick(DAYS),
        nat=g.L.nat)


@T("chat", "neg_chat", neg=True)
def _(g):
    return R(
        "[{t1}] lunch at 12:30?\n[{t2}] can't, the quarterly review moved to {day}\n[{t3}] ok, ping me when the "
        "build is green. Ticket {tk} still open\n[{t3}] 👍", t1=g.time(), t2=g.time(), t3=g.time(), day=g.pick(DAYS),
        tk=g.ref("TCK"))


@T("review", "neg_review", neg=True)
def _(g):
    return R(
        "★★★☆☆ Decent {prod}\nArrived on {day}, two days late. Works as described but the manual is only in "
        "{lang}. Customer service replaced a missing part quickly. Order {ref}.", prod=g.pick(PRODUCTS),
        day=g.pick(DAYS), lang=g.pick(["German", "French", "Polish", "Spanish", "Italian"]), ref=g.ref())


@T("hospital_letter", "neg_policy", neg=True)
def _(g):
    return R(
        "Visiting hours\nThe hospital welcomes visitors daily from {a}:00 to {b}:00. Please check in at reception "
        "and follow the advice of the ward manager. Parking tickets are available from the machine at the main "
        "entrance. Updated {m} {y}.", a=g.num(9, 14), b=g.num(18, 20), m=g.pick(MONTHS), y=g.num(2022, 2025))


# fmt: on


# ---------------------------------------------------------------------------
# Generation, writing, self-check
# ---------------------------------------------------------------------------
def generate() -> tuple[list[dict], list[list[str]]]:
    rng = random.Random(SEED)
    pos = [t for t in TEMPLATES if not t[3]]
    neg = [t for t in TEMPLATES if t[3]]
    n_neg = round(N_DOCS * NEG_SHARE)
    plan = [neg[i % len(neg)] for i in range(n_neg)] + [pos[i % len(pos)] for i in range(N_DOCS - n_neg)]
    rng.shuffle(plan)
    locs = [LOCALES[i % len(LOCALES)] for i in range(N_DOCS)]
    rng.shuffle(locs)
    docs, values = [], []
    for i, ((layout, name, fn, _), loc) in enumerate(zip(plan, locs), 1):
        g = Gen(random.Random(rng.randrange(2**32)), loc)
        segs = segs_of(fn(g))
        text, spans = assemble(segs)
        docs.append(
            {"id": f"p{i:04d}", "locale": loc.code, "layout": layout, "template": name, "text": text, "spans": spans}
        )
        values.append([t for t, lab in segs if t and lab])
    return docs, values


def serialise(docs: list[dict]) -> bytes:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode("utf-8")


def self_check(docs: list[dict], values: list[list[str]], data: bytes) -> list[str]:
    errors = []
    reread = [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines()]
    if reread != docs:
        errors.append("file content differs from generated documents")
    neg_names = {n for _, n, _, neg in TEMPLATES if neg}
    for d, vals in zip(reread, values):
        text, spans, did = d["text"], d["spans"], d["id"]
        if [text[s["start"] : s["end"]] for s in spans] != vals:
            errors.append(f"{did}: span texts differ from inserted values")
        prev_end = 0
        for s in spans:
            frag = text[s["start"] : s["end"]]
            if s["label"] not in LABELS:
                errors.append(f"{did}: bad label {s['label']}")
            if s["start"] < prev_end or s["end"] <= s["start"]:
                errors.append(f"{did}: overlapping/unsorted/empty span {s}")
            if frag != frag.strip():
                errors.append(f"{did}: edge whitespace in {frag!r}")
            prev_end = s["end"]
        if (d["template"] in neg_names) != (not spans):
            errors.append(f"{did}: negative/positive mismatch ({d['template']}, {len(spans)} spans)")
    docs2, _ = generate()
    if serialise(docs2) != data:
        errors.append("second generation is not byte-identical")
    if len({d["id"] for d in docs}) != len(docs):
        errors.append("duplicate ids")
    return errors


def report(docs: list[dict]) -> None:
    by_loc = Counter(d["locale"] for d in docs)
    by_layout = Counter(d["layout"] for d in docs)
    by_label = Counter(s["label"] for d in docs for s in d["spans"])
    orgs = [d["text"][s["start"] : s["end"]] for d in docs for s in d["spans"] if s["label"] == ORG]
    no_legal = sum(1 for o in orgs if not LEGAL_RE.search(o))
    n_neg = sum(1 for d in docs if not d["spans"])
    print(
        f"wrote {OUT} : {len(docs)} documents, {sum(by_label.values())} spans, {n_neg} without PII "
        f"({n_neg / len(docs):.1%})"
    )
    print(f"templates: {len({d['template'] for d in docs})}, layouts: {len(by_layout)}, locales: {len(by_loc)}")
    print("documents per locale: " + ", ".join(f"{k} {v}" for k, v in sorted(by_loc.items())))
    print("documents per layout: " + ", ".join(f"{k} {v}" for k, v in by_layout.most_common()))
    print("spans per label:      " + ", ".join(f"{k} {v}" for k, v in by_label.most_common()))
    print(
        f"ORGANIZATION spans: {len(orgs)}, without legal form: {no_legal} ({no_legal / max(1, len(orgs)):.1%}), "
        f"distinct: {len(set(orgs))}"
    )


def main() -> int:
    docs, values = generate()
    data = serialise(docs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data)
    errors = self_check(docs, values, data)
    report(docs)
    for e in errors[:30]:
        print("SELF-CHECK ERROR:", e, file=sys.stderr)
    print("self-check:", "FAILED" if errors else "OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
