"""Word lists for organisation names: legal forms and kinds of organisation in many languages.

General vocabulary only (no names): the legal-form suffixes of company registers and the
nouns that name a kind of business or institution ("Bakery", "Bäckerei", "Piekarnia").
"""

from __future__ import annotations

from functools import lru_cache

#: Legal forms written after a company name, as registers spell them (upper-case variants are added).
# fmt: off
LEGAL_FORMS = (
    # English-speaking countries
    "Inc", "Inc.", "Incorporated", "Ltd", "Ltd.", "Limited", "LLC", "L.L.C.", "LLP", "LP", "PLC", "plc", "Corp",
    "Corp.", "Corporation", "Co.", "Company", "Pty Ltd", "Pty. Ltd.", "Pty Limited", "Pvt Ltd", "Pvt. Ltd.",
    "Private Limited", "& Co.", "& Co", "Ltée", "Ltee", "Inc./Ltée", "CIC", "LLLP", "PC", "P.C.",
    # German-speaking countries
    "GmbH", "gGmbH", "mbH", "AG", "KG", "KGaA", "OHG", "GbR", "e.K.", "e.Kfm.", "e.V.", "eG", "SE", "PartG",
    "UG (haftungsbeschränkt)", "UG", "GmbH & Co. KG", "AG & Co. KG", "GmbH & Co. OHG", "AG & Co. KGaA",
    "AG & Co. OHG", "GmbH & Co. KGaA", "SE & Co. KG", "UG & Co. KG", "GmbH & Co.", "AG & Co.",
    # French, Belgian, Swiss
    "SA", "S.A.", "SAS", "S.A.S.", "SASU", "SARL", "S.A.R.L.", "EURL", "SNC", "SCI", "SCOP", "SCA", "SPRL", "SRL",
    "Sàrl", "et Fils", "& Fils",
    # Spanish, Portuguese, Latin American
    "S.L.", "SL", "S.L.U.", "SLU", "S.L.N.E", "S.L.N.E.", "S.A.U.", "S. Coop.", "S.Coop.", "S. Coop", "S.C.",
    "Lda", "Lda.", "Unipessoal Lda.", "Unipessoal Lda", "Ltda", "Ltda.", "EIRELI", "ME", "EPP", "S/A", "S.A.S",
    "y Asociados", "& Asociados",
    # Italian
    "S.p.A.", "SpA", "S.r.l.", "Srl", "S.r.l.s.", "S.n.c.", "Snc", "S.a.s.", "Sas", "e Figli", "& Figli",
    # Dutch
    "BV", "B.V.", "NV", "N.V.", "V.O.F.", "VOF", "C.V.", "CV",
    # Nordic
    "AB", "HB", "KB", "Aktiebolag", "AS", "ASA", "ANS", "DA", "A/S", "ApS", "I/S", "K/S", "P/S", "IVS", "Oy", "Oyj",
    "Ky", "Tmi", "ry", "hf.", "ehf.",
    # Central and Eastern Europe
    "sp. z o.o.", "Sp. z o.o.", "sp. k.", "sp.k.", "sp.j.", "sp. j.", "S.A.", "s.c.", "s.r.o.", "spol. s r.o.",
    "a.s.", "v.o.s.", "k.s.", "z.s.", "o.p.s.", "Kft.", "Kft", "Zrt.", "Zrt", "Nyrt.", "Nyrt", "Bt.", "Kkt.",
    "d.o.o.", "d.d.", "j.d.o.o.", "OÜ", "AS", "SIA", "UAB", "AB", "EOOD", "OOD", "AD", "S.R.L.", "SRL",
    "A.Ş.", "Ltd. Şti.", "IKE", "I.K.E.", "A.E.", "O.E.", "E.E.", "e.U.", "KG", "S.C.", "Kardeşler",
    # Mexico and southern Africa
    "de C.V.", "S.A. de C.V.", "S. de R.L.", "S. de R.L. de C.V.", "S.A.P.I. de C.V.", "(Pty) Ltd", "(Pty) Ltd.",
    "(Pty)", "CC",
    # Partnerships in any language
    "& Associates", "and Associates", "Associates", "& Partners", "and Partners", "Partners", "& Sons", "and Sons",
    "& Söhne", "és Társa", "és Társai", "a spol.", "& Zn.", "& Zonen", "og Søn", "& Søn", "& Co", "& Cie",
    "e figli", "& figli", "y asociados", "y Hijos", "y hijos", "e Hijos", "e Filhos", "e filhos", "& Filhos",
    "Bros", "Bros.", "Brothers", "& Brothers", "& Bros.", "și Fiii", "si Fiii", "& Fiii", "a synové", "a syn",
    "i Synowie", "i Syn", "& Synowie", "og Sønner", "& Sønner", "och Söner", "& Söner", "ja Pojat", "és Fiai",
    "& Daughters", "& Daughter", "& Son", "and Son", "& Zn", "& Cía.", "y Cía.", "& Cia.", "e Cia.",
)
# fmt: on

#: Kinds of organisation, as the head word of a name ("Riverside Medical Centre", "Hotel Alte Post").
# fmt: off
KIND_WORDS = (
    # English
    "academy", "agency", "agencies", "analytics", "architects", "associates", "association", "attorneys", "auto",
    "autos", "bakery", "bakehouse", "bank", "bar", "barbers", "bistro", "brewery", "builders", "cafe", "café",
    "care", "catering", "centre", "center", "chambers", "charity", "church", "cleaning", "clinic", "club",
    "college", "construction", "consultancy", "consultants", "consulting", "convent", "cooperative", "council",
    "creamery", "dairy", "dental", "dentistry", "dentists", "design", "distillery", "electrical", "electronics",
    "energy", "engineering", "enterprises", "estates", "exports", "farm", "farms", "florist", "flowers", "foods",
    "foundation", "freight", "garage", "gallery", "group", "guesthouse", "hardware", "haulage", "health",
    "healthcare", "heating", "holdings", "hospital", "hostel", "hotel", "imports", "industries", "inn", "institute",
    "insurance", "joinery", "kindergarten", "kitchen", "labs", "laboratories", "laboratory", "landscaping",
    "lawyers", "library", "lodge", "logistics", "manufacturing", "media", "medical", "motel", "motors", "museum",
    "nursery", "opticians", "orthopedics", "orthopaedics", "outfitters", "partners", "pharmacy", "physio",
    "physiotherapy", "plumbing", "pottery", "practice", "press", "print", "printing", "printers", "properties",
    "publishing", "pub", "realty", "removals", "residency", "resort", "restaurant", "roofing", "salon",
    "school", "seafoods", "seafood", "services", "softworks", "software", "solar", "solicitors", "solutions",
    "studio", "studios", "supplies", "surgery", "systems", "tailors", "technologies", "textiles", "traders",
    "trading", "transport", "trust", "university", "veterinary", "vets", "vineyard", "vineyards", "winery",
    "workshop", "jewellers", "sweets", "stores", "emporium", "orchestra", "choir", "theatre", "cinema",
    "robotics", "fitness", "books", "bookshop", "bookstore", "booksellers", "bikes", "cycles", "travel", "tours",
    "pharma", "biotech", "mobility", "tailoring", "runners", "cellars", "wines", "marine", "legal", "butchery",
    "butchers", "yoga", "initiative", "brewing", "roasters", "gym", "outdoors", "apparel", "boutique", "market",
    "deli", "pizzeria", "grill", "diner", "tavern", "cosmetics", "networks", "telecom", "ventures", "capital",
    "investments", "advisors", "advisory", "recruitment", "staffing", "aviation", "airlines", "shipping",
    "motors", "dynamics", "robotics", "mills", "works", "collective", "cooperative", "coop", "alliance",
    "federation", "society", "union", "league", "fund", "hub", "lab", "clinics", "hospice", "montessori",
    "rowing", "tennis", "football", "rugby", "hockey", "basketball", "cricket", "golf", "sailing", "athletics",
    "avocats", "advogados", "advokatfirmaet", "advokatfirma", "legesenter", "cosmétiques", "kulübü", "spor",
    "lokanta", "lokantası", "restoran", "bodega", "churrascaria", "tortillería", "destilería", "conservas",
    "authority", "brigade", "ministry", "municipality", "prefecture", "police", "stadtverwaltung", "gemeente",
    "comune", "ayuntamiento", "municipio", "kommune", "kommun", "gmina", "urząd", "magistrat",
    "public", "high", "elementary", "primary", "secondary", "grammar", "community", "family", "team", "law",
    "office", "sixth", "form",
    # German
    "apotheke", "arztpraxis", "autohaus", "bäckerei", "bau", "baugesellschaft", "blumen", "brauerei",
    "druckerei", "elektro", "feinkost", "friseur", "gasthaus", "gasthof", "grundschule", "gymnasium", "handel",
    "hochschule", "immobilien", "kanzlei", "klinik", "klinikum", "konditorei", "krankenhaus", "logistik",
    "malerbetrieb", "metallbau", "metzgerei", "pension", "praxis", "realschule", "rechtsanwälte", "schreinerei",
    "schule", "spedition", "steuerberatung", "stiftung", "tischlerei", "universität", "verein", "verlag",
    "werkstatt", "zahnarztpraxis",
    # Dutch
    "advocatenkantoor", "apotheek", "bakkerij", "basisschool", "bouw", "fietsfabriek", "hogeschool", "huisartsen",
    "huisartsenpraktijk", "kantoor", "kliniek", "kwekerij", "notariskantoor", "praktijk", "stichting",
    "tandartsenpraktijk", "tandartspraktijk", "universiteit", "vereniging", "ziekenhuis", "energie",
    # French
    "atelier", "auberge", "boucherie", "boulangerie", "brasserie", "cabinet", "centre", "château", "clinique",
    "collège", "domaine", "école", "fondation", "fromagerie", "imprimerie", "institut", "librairie", "lycée",
    "menuiserie", "pâtisserie", "pharmacie", "transports", "vignobles", "association", "hôtel", "gîte",
    # Spanish
    "abogados", "academia", "asesoría", "asociación", "bodegas", "bufete", "carnicería", "cerámicas", "clínica",
    "colegio", "construcciones", "consultoría", "despacho", "escuela", "farmacia", "ferretería", "fundación",
    "gestoría", "hostal", "inmobiliaria", "instituto", "librería", "panadería", "pastelería", "pensión",
    "policlínica", "restaurante", "talleres", "taller", "transportes", "universidad", "cafetería", "centro",
    # Portuguese
    "advocacia", "associação", "colégio", "confeitaria", "construtora", "cortiças", "drogaria", "escola",
    "faculdade", "farmácia", "fundação", "imobiliária", "livraria", "mercearia", "oficina", "padaria",
    "pousada", "sapataria", "sorveteria", "têxteis", "têxtil", "transportadora", "universidade", "vinhos",
    # Italian
    "associazione", "autofficina", "calzaturificio", "cantina", "carrozzeria", "caseificio", "ceramiche",
    "clinica", "costruzioni", "edilizia", "fondazione", "istituto", "lanificio", "liceo", "macelleria",
    "meccanica", "mobilificio", "officina", "oleificio", "osteria", "ospedale", "panificio", "pasticceria",
    "poliambulatorio", "ristorante", "scuola", "tessitura", "trasporti", "trattoria", "università", "albergo",
    "pensione", "vini", "studio",
    # Polish
    "apteka", "biuro", "centrum", "cukiernia", "drukarnia", "fundacja", "gabinet", "hurtownia", "kancelaria",
    "klinika", "liceum", "logistyka", "pensjonat", "piekarnia", "politechnika", "przychodnia", "serwis",
    "spółdzielnia", "stowarzyszenie", "szkoła", "szpital", "uniwersytet", "warsztat", "zajazd", "auto-serwis",
    # Czech and Slovak
    "autoservis", "cukrárna", "doprava", "gymnázium", "kancelář", "lékárna", "nadace", "nemocnice", "ordinace",
    "pekařství", "penzion", "poliklinika", "škola", "spolek", "stavby", "truhlářství", "univerzita",
    # Hungarian
    "alapítvány", "autószerviz", "borház", "cukrászda", "egyesület", "egyetem", "faipari", "fogadó", "főiskola",
    "gimnázium", "gyógyszertár", "iroda", "iskola", "kórház", "logisztika", "panzió", "patika", "pékség",
    "pincészet", "rendelő", "szálloda", "szerviz", "vendégház", "agro",
    # Nordic
    "advokatbyrå", "advokatfirma", "apotek", "apoteket", "bageri", "bageriet", "bakeri", "bakeriet", "bilverkstad",
    "bygg", "byrå", "cykler", "fysioterapi", "fysio", "förening", "gjestehus", "gästgiveri", "hotell", "konditori",
    "konsult", "kro", "legekontor", "legesenter", "lægehuset", "lægeklinik", "måleri", "pensionat", "sjukhus",
    "skola", "skole", "snickeri", "snedker", "stiftelse", "tandklinik", "tandlæge", "tannklinikk", "tannlege",
    "tømrer", "universitet", "vandrarhem", "verksted", "verkstad", "vårdcentral", "værksted", "autoværksted",
    "frisør", "sjømat", "trelast", "elektro", "rør", "vvs",
    # Finnish and Estonian
    "ammattiopisto", "apteekki", "asianajotoimisto", "hammasklinikka", "hotelli", "kahvila", "klinikka", "koulu",
    "korjaamo", "kuljetus", "leipomo", "lukio", "lääkäriasema", "majatalo", "ravintola", "sairaala", "säätiö",
    "terveyskeskus", "tilitoimisto", "yhdistys", "yliopisto",
    # Indian English
    "vidyalaya", "jewellers", "agencies",
)
# fmt: on

#: Kind words too generic to make a name alone ("Customer Services", "Public Health", "Design Studio"):
#: the run needs a word no dictionary knows, a personal name or a legal form as well.
# fmt: off
WEAK_KINDS = (
    "services", "solutions", "systems", "group", "care", "health", "healthcare", "design", "media", "press", "print",
    "printing", "insurance", "center", "centre", "centro", "centrum", "studio", "studios", "bar", "auto", "autos",
    "energy", "trust", "bank", "council", "club", "practice", "library", "museum", "church", "gallery", "kitchen",
    "labs", "partners", "associates", "holdings", "industries", "enterprises", "trading", "transport", "foods",
    "supplies", "exports", "imports", "estates", "properties", "realty", "solar", "software", "analytics",
    "consulting", "consultants", "engineering", "electrical", "electronics", "manufacturing", "cleaning",
    "construction", "logistics", "freight", "medical", "dental", "agro", "elektro", "bygg", "bau", "bouw", "handel",
    "cantina", "vini", "vinhos", "iroda", "biuro", "serwis", "kantoor", "cabinet", "despacho", "oficina", "officina",
    "atelier", "workshop", "association", "foundation", "institute", "school", "college", "university", "academy",
    "agency", "agencies", "stores", "kitchen", "press", "residency", "farm", "farms", "flowers", "sweets", "energie",
    "media", "data", "doprava", "stavby", "centre", "kro", "inn", "pub", "lodge",
    "robotics", "fitness", "books", "bikes", "cycles", "travel", "tours", "pharma", "mobility", "tailoring",
    "runners", "cellars", "wines", "marine", "legal", "yoga", "initiative", "brewing", "gym", "outdoors", "apparel",
    "market", "grill", "networks", "telecom", "ventures", "capital", "investments", "advisors", "advisory",
    "recruitment", "staffing", "aviation", "shipping", "dynamics", "mills", "works", "collective", "alliance",
    "federation", "society", "union", "league", "fund", "hub", "lab", "rowing", "tennis", "football", "rugby",
    "hockey", "basketball", "cricket", "golf", "sailing", "athletics", "spor", "biotech", "cosmetics",
    "authority", "brigade", "ministry", "municipality", "police",
    # qualifiers that make a kind with another one ("Public School", "Family Health Team")
    "public", "high", "elementary", "primary", "secondary", "grammar", "community", "family", "team", "law",
    "office", "sixth", "form",
)
# fmt: on

#: Kind words that end compound names in Germanic languages ("Skärgårdsbageriet", "Tandvårdskliniken").
# fmt: off
COMPOUND_ENDINGS = (
    "bageriet", "bageri", "bakeriet", "bakeri", "kliniken", "klinik", "klinikka", "praktijk", "vereniging",
    "stichting", "værksted", "verkstad", "verksted", "snickeri", "bäckerei", "apotheke", "apotek", "werkstatt",
    "schule", "skolan", "skola", "skole", "koulu", "praxis", "konditorei", "druckerei", "brauerei", "kwekerij",
    "bakkerij", "fabriek", "leipomo", "korjaamo", "gården", "byrån", "centralen", "huset",
)
# fmt: on

#: Labels and verbs after which a capitalised run names an organisation.
# fmt: off
LABEL_CUES = ("company", "organisation", "organization", "employer", "client", "firm", "business", "vendor",
              "supplier", "company name", "organisation name", "organization name", "insurer", "bank", "school",
              "university", "institution", "agency", "practice", "clinic", "hotel", "workplace", "venue",
              "previous", "previous employer", "current employer", "shipper", "consignor", "sponsor", "team",
              "club", "organisation", "employer name", "sold by", "merchant", "store", "shop")
# fmt: on
# fmt: off
VERB_CUES = (r"works? (?:for|at)", r"working (?:for|at)", r"worked (?:for|at)", r"joins", r"joined",
             r"employed (?:by|at)", r"a role at", r"position at", r"job at", r"admin at", r"been with",
             r"on behalf of", r"representing", r"(?:visit|visits|visited) to", r"sponsored by", r"supported by",
             r"provided by", r"organi[sz]ed by", r"hosted by", r"run by", r"powered by", r"delivered by",
             r"manufactured by", r"made by", r"distributed by", r"studied at", r"graduated from", r"board of",
             r"formerly (?:of|at|with)", r"volunteers? (?:at|for|with)", r"volunteered (?:at|for|with)",
             r"order at", r"ordered from", r"bought from", r"partners? at", r"customers? of", r"clients? of",
             r"acquires", r"acquired", r"member of", r"founder of", r"co-founder of", r"ceo of",
             r"(?:intern|trainee|internship) at", r"stayed at", r"shopped at", r"contract with", r"agreement with",
             r"invoice from", r"suppliers? (?:is|are|was|were)", r"subsidiary of", r"merger with",
             r"partnership with", r"partnered with", r"teams? at", r"colleagues? at", r"staff at", r"c/o")
# fmt: on


@lru_cache(maxsize=1)
def kind_words() -> frozenset[str]:
    """Casefolded kind-of-organisation words."""
    return frozenset(w.casefold() for w in KIND_WORDS)


@lru_cache(maxsize=1)
def weak_kinds() -> frozenset[str]:
    """Casefolded kind words that need more evidence (:data:`WEAK_KINDS`)."""
    return frozenset(w.casefold() for w in WEAK_KINDS)


@lru_cache(maxsize=1)
def legal_forms() -> tuple[str, ...]:
    """Legal forms with their upper-case variants ("Inc." -> "INC."), longest first."""
    # Dotted forms are unambiguous in lower case too ("s.r.l."); "as" or "ab" in lower case are words.
    forms = set(LEGAL_FORMS) | {f.upper() for f in LEGAL_FORMS} | {f.lower() for f in LEGAL_FORMS if "." in f}
    return tuple(sorted(forms, key=len, reverse=True))


__all__ = [
    "COMPOUND_ENDINGS",
    "KIND_WORDS",
    "LABEL_CUES",
    "LEGAL_FORMS",
    "VERB_CUES",
    "WEAK_KINDS",
    "kind_words",
    "legal_forms",
    "weak_kinds",
]
