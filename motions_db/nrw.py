"""NRW's Kommunen and Kreise as plain data, and the Bodies and Gremien made from them.

The import, the demo and the generator name a Kommune or Kreis by its name ("Bochum", "Kreis
Wesel", "Rhein-Erft"); these facts give it its kind, its Kreis, its Regierungsbezirk and whether
it belongs to the Regionalverband Ruhr, so the search can group by Kreis and by Ruhrgebiet
without anyone typing them in. Sources: the Gemeindeordnung and Kreisordnung NRW (22 kreisfreie
Städte, 31 Kreise including the StädteRegion Aachen) and the RVR-Gesetz (its 11 cities and 4
Kreise). Aachen belongs to the StädteRegion and is a kreisangehörige Stadt here, as in the law.
"""

from dataclasses import dataclass

# The facts are plain values (the models' choice values), so the generator and the benchmark can
# use them without Django; the functions at the end import the models when they run.
ARNSBERG, DETMOLD, DUESSELDORF, KOELN, MUENSTER = (
    "arnsberg",
    "detmold",
    "duesseldorf",
    "koeln",
    "muenster",
)
#: Body.Kind's values.
INDEPENDENT_CITY, TOWN, MUNICIPALITY, DISTRICT, ASSOCIATION = (
    "kreisfreie_stadt",
    "stadt",
    "gemeinde",
    "kreis",
    "verband",
)

#: The 22 kreisfreie Städte: name → (Regierungsbezirk, in the RVR).
INDEPENDENT_CITIES = {
    "Bielefeld": (DETMOLD, False),
    "Bochum": (ARNSBERG, True),
    "Bonn": (KOELN, False),
    "Bottrop": (MUENSTER, True),
    "Dortmund": (ARNSBERG, True),
    "Duisburg": (DUESSELDORF, True),
    "Düsseldorf": (DUESSELDORF, False),
    "Essen": (DUESSELDORF, True),
    "Gelsenkirchen": (MUENSTER, True),
    "Hagen": (ARNSBERG, True),
    "Hamm": (ARNSBERG, True),
    "Herne": (ARNSBERG, True),
    "Köln": (KOELN, False),
    "Krefeld": (DUESSELDORF, False),
    "Leverkusen": (KOELN, False),
    "Mönchengladbach": (DUESSELDORF, False),
    "Mülheim an der Ruhr": (DUESSELDORF, True),
    "Münster": (MUENSTER, False),
    "Oberhausen": (DUESSELDORF, True),
    "Remscheid": (DUESSELDORF, False),
    "Solingen": (DUESSELDORF, False),
    "Wuppertal": (DUESSELDORF, False),
}

#: The 31 Kreise: official name → (short name for the Kreistag, Regierungsbezirk, in the RVR).
#: The short name is how the site writes the Gremium: "Kreistag Wesel", "Kreistag Rhein-Erft".
DISTRICTS = {
    "Kreis Kleve": ("Kleve", DUESSELDORF, False),
    "Kreis Mettmann": ("Mettmann", DUESSELDORF, False),
    "Rhein-Kreis Neuss": ("Rhein-Kreis Neuss", DUESSELDORF, False),
    "Kreis Viersen": ("Viersen", DUESSELDORF, False),
    "Kreis Wesel": ("Wesel", DUESSELDORF, True),
    "StädteRegion Aachen": ("Aachen", KOELN, False),
    "Kreis Düren": ("Düren", KOELN, False),
    "Rhein-Erft-Kreis": ("Rhein-Erft", KOELN, False),
    "Kreis Euskirchen": ("Euskirchen", KOELN, False),
    "Kreis Heinsberg": ("Heinsberg", KOELN, False),
    "Oberbergischer Kreis": ("Oberberg", KOELN, False),
    "Rheinisch-Bergischer Kreis": ("Rheinisch-Bergischer Kreis", KOELN, False),
    "Rhein-Sieg-Kreis": ("Rhein-Sieg", KOELN, False),
    "Kreis Borken": ("Borken", MUENSTER, False),
    "Kreis Coesfeld": ("Coesfeld", MUENSTER, False),
    "Kreis Recklinghausen": ("Recklinghausen", MUENSTER, True),
    "Kreis Steinfurt": ("Steinfurt", MUENSTER, False),
    "Kreis Warendorf": ("Warendorf", MUENSTER, False),
    "Kreis Gütersloh": ("Gütersloh", DETMOLD, False),
    "Kreis Herford": ("Herford", DETMOLD, False),
    "Kreis Höxter": ("Höxter", DETMOLD, False),
    "Kreis Lippe": ("Lippe", DETMOLD, False),
    "Kreis Minden-Lübbecke": ("Minden-Lübbecke", DETMOLD, False),
    "Kreis Paderborn": ("Paderborn", DETMOLD, False),
    "Ennepe-Ruhr-Kreis": ("Ennepe-Ruhr", ARNSBERG, True),
    "Hochsauerlandkreis": ("Hochsauerland", ARNSBERG, False),
    "Märkischer Kreis": ("Märkischer Kreis", ARNSBERG, False),
    "Kreis Olpe": ("Olpe", ARNSBERG, False),
    "Kreis Siegen-Wittgenstein": ("Siegen-Wittgenstein", ARNSBERG, False),
    "Kreis Soest": ("Soest", ARNSBERG, False),
    "Kreis Unna": ("Unna", ARNSBERG, True),
}

#: The StädteRegion's assembly is not called Kreistag (§ 4 StädteRegion-Aachen-Gesetz).
DISTRICT_ASSEMBLIES = {"StädteRegion Aachen": "Städteregionstag Aachen"}

#: Larger kreisangehörige Städte (the Kreisstädte and most towns over 40,000) → their Kreis.
TOWNS = {
    "Aachen": "StädteRegion Aachen",
    "Eschweiler": "StädteRegion Aachen",
    "Stolberg": "StädteRegion Aachen",
    "Würselen": "StädteRegion Aachen",
    "Herzogenrath": "StädteRegion Aachen",
    "Düren": "Kreis Düren",
    "Bergheim": "Rhein-Erft-Kreis",
    "Kerpen": "Rhein-Erft-Kreis",
    "Hürth": "Rhein-Erft-Kreis",
    "Frechen": "Rhein-Erft-Kreis",
    "Pulheim": "Rhein-Erft-Kreis",
    "Erftstadt": "Rhein-Erft-Kreis",
    "Brühl": "Rhein-Erft-Kreis",
    "Wesseling": "Rhein-Erft-Kreis",
    "Bergisch Gladbach": "Rheinisch-Bergischer Kreis",
    "Siegburg": "Rhein-Sieg-Kreis",
    "Troisdorf": "Rhein-Sieg-Kreis",
    "Sankt Augustin": "Rhein-Sieg-Kreis",
    "Bornheim": "Rhein-Sieg-Kreis",
    "Euskirchen": "Kreis Euskirchen",
    "Gummersbach": "Oberbergischer Kreis",
    "Heinsberg": "Kreis Heinsberg",
    "Neuss": "Rhein-Kreis Neuss",
    "Grevenbroich": "Rhein-Kreis Neuss",
    "Dormagen": "Rhein-Kreis Neuss",
    "Meerbusch": "Rhein-Kreis Neuss",
    "Viersen": "Kreis Viersen",
    "Kleve": "Kreis Kleve",
    "Wesel": "Kreis Wesel",
    "Moers": "Kreis Wesel",
    "Dinslaken": "Kreis Wesel",
    "Kamp-Lintfort": "Kreis Wesel",
    "Mettmann": "Kreis Mettmann",
    "Ratingen": "Kreis Mettmann",
    "Velbert": "Kreis Mettmann",
    "Hilden": "Kreis Mettmann",
    "Langenfeld": "Kreis Mettmann",
    "Monheim am Rhein": "Kreis Mettmann",
    "Recklinghausen": "Kreis Recklinghausen",
    "Marl": "Kreis Recklinghausen",
    "Dorsten": "Kreis Recklinghausen",
    "Castrop-Rauxel": "Kreis Recklinghausen",
    "Gladbeck": "Kreis Recklinghausen",
    "Herten": "Kreis Recklinghausen",
    "Bocholt": "Kreis Borken",
    "Borken": "Kreis Borken",
    "Coesfeld": "Kreis Coesfeld",
    "Dülmen": "Kreis Coesfeld",
    "Rheine": "Kreis Steinfurt",
    "Ibbenbüren": "Kreis Steinfurt",
    "Ahlen": "Kreis Warendorf",
    "Warendorf": "Kreis Warendorf",
    "Gütersloh": "Kreis Gütersloh",
    "Herford": "Kreis Herford",
    "Detmold": "Kreis Lippe",
    "Bad Salzuflen": "Kreis Lippe",
    "Minden": "Kreis Minden-Lübbecke",
    "Paderborn": "Kreis Paderborn",
    "Höxter": "Kreis Höxter",
    "Witten": "Ennepe-Ruhr-Kreis",
    "Hattingen": "Ennepe-Ruhr-Kreis",
    "Schwelm": "Ennepe-Ruhr-Kreis",
    "Unna": "Kreis Unna",
    "Lünen": "Kreis Unna",
    "Kamen": "Kreis Unna",
    "Bergkamen": "Kreis Unna",
    "Schwerte": "Kreis Unna",
    "Iserlohn": "Märkischer Kreis",
    "Lüdenscheid": "Märkischer Kreis",
    "Menden": "Märkischer Kreis",
    "Arnsberg": "Hochsauerlandkreis",
    "Soest": "Kreis Soest",
    "Lippstadt": "Kreis Soest",
    "Siegen": "Kreis Siegen-Wittgenstein",
    "Olpe": "Kreis Olpe",
}

#: The higher municipal associations: name → (short name, assembly).
ASSOCIATIONS = {
    "Landschaftsverband Westfalen-Lippe": ("LWL", "Landschaftsversammlung Westfalen-Lippe"),
    "Landschaftsverband Rheinland": ("LVR", "Landschaftsversammlung Rheinland"),
    "Regionalverband Ruhr": ("RVR", "Verbandsversammlung des Regionalverbands Ruhr"),
}

#: Stadtbezirke of some kreisfreie Städte (§ 35 GO NRW): each has a Bezirksvertretung.
BOROUGHS = {
    "Bochum": ["Mitte", "Wattenscheid", "Nord", "Ost", "Süd", "Südwest"],
    "Dortmund": [
        "Innenstadt-West",
        "Innenstadt-Nord",
        "Innenstadt-Ost",
        "Eving",
        "Scharnhorst",
        "Brackel",
        "Aplerbeck",
        "Hörde",
        "Hombruch",
        "Lütgendortmund",
        "Huckarde",
        "Mengede",
    ],
    "Köln": [
        "Innenstadt",
        "Rodenkirchen",
        "Lindenthal",
        "Ehrenfeld",
        "Nippes",
        "Chorweiler",
        "Porz",
        "Kalk",
        "Mülheim",
    ],
    "Duisburg": ["Walsum", "Hamborn", "Meiderich/Beeck", "Homberg/Ruhrort/Baerl", "Mitte"],
    "Gelsenkirchen": ["Mitte", "Nord", "West", "Ost", "Süd"],
    "Wuppertal": ["Elberfeld", "Barmen", "Oberbarmen", "Vohwinkel", "Cronenberg", "Ronsdorf"],
}


@dataclass(frozen=True)
class Place:
    """What the facts say about one Kommune, Kreis or Verband."""

    name: str
    kind: str
    administrative_region: str = ""
    ruhr_area: bool = False
    #: The Kreis's name, for a kreisangehörige Stadt.
    district: str | None = None
    #: The Gremium a record goes to when the import names none.
    council: str = ""


def _places():
    places = {}
    for name, (region, ruhr) in INDEPENDENT_CITIES.items():
        places[name] = Place(name, INDEPENDENT_CITY, region, ruhr, council=f"Rat der Stadt {name}")
    for name, (short, region, ruhr) in DISTRICTS.items():
        council = DISTRICT_ASSEMBLIES.get(name, f"Kreistag {short}")
        places[name] = Place(name, DISTRICT, region, ruhr, council=council)
    for name, district in TOWNS.items():
        kreis = places[district]
        places[name] = Place(
            name,
            TOWN,
            kreis.administrative_region,
            kreis.ruhr_area,
            district=district,
            council=f"Rat der Stadt {name}",
        )
    for name, (_short, assembly) in ASSOCIATIONS.items():
        places[name] = Place(name, ASSOCIATION, council=assembly)
    return places


PLACES = _places()


def _aliases():
    """Other names people write: "Mülheim", "Rhein-Erft", "Kreis Rhein-Erft", "LWL"."""
    aliases = {"mülheim": "Mülheim an der Ruhr", "mülheim/ruhr": "Mülheim an der Ruhr"}
    for name, (short, _region, _ruhr) in DISTRICTS.items():
        aliases[f"kreis {short}".casefold()] = name
        if short not in PLACES:  # "Wesel" is the town, "Rhein-Erft" can only be the Kreis.
            aliases[short.casefold()] = name
    for name, (short, _assembly) in ASSOCIATIONS.items():
        aliases[short.casefold()] = name
    aliases.update({name.casefold(): name for name in PLACES})
    return aliases


ALIASES = _aliases()


def find_place(name):
    """The facts for this name (any common spelling), or None for a Kommune we don't list."""
    canonical = ALIASES.get(" ".join(name.split()).casefold())
    return PLACES[canonical] if canonical else None


def canonical_name(name):
    place = find_place(name)
    return place.name if place else " ".join(name.split())


def council_name(body):
    """The Rat or Kreistag of a Body: where a record goes when no Gremium is named."""
    place = PLACES.get(body.name)
    if place:
        return place.council
    if body.kind == MUNICIPALITY:
        return f"Rat der Gemeinde {body.name}"
    if body.kind == DISTRICT:
        return f"Kreistag {body.name}"
    return f"Rat der Stadt {body.name}"


def borough_council_name(city, borough):
    """ "Bezirksvertretung Bochum-Mitte": the city in the name, so the source line says where."""
    return f"Bezirksvertretung {city}-{borough}"


#: A Gremium's kind (Organization.Kind's values) from its name; the first match wins, so
#: "Integrationsrat" is not taken for a "Rat".
_ORGANIZATION_PREFIXES = (
    ("Integrationsrat", "integrationsrat"),
    ("Bezirksvertretung", "bezirksvertretung"),
    ("Kreistag", "kreistag"),
    ("Städteregionstag", "kreistag"),
    ("Landschaftsversammlung", "landschaftsversammlung"),
    ("Verbandsversammlung", "landschaftsversammlung"),
    ("Rat ", "rat"),
)


def organization_kind(name):
    for prefix, kind in _ORGANIZATION_PREFIXES:
        if name.startswith(prefix):
            return kind
    return "ausschuss"


def _free_body_slug(name):
    from kopofo.pages.slugs import german_slugify

    from .models import Body

    slug = german_slugify(name)[:110] or "kommune"
    candidate, number = slug, 1
    while Body.objects.filter(slug=candidate).exists():
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def get_or_create_body(name):
    """The Body of this name with its facts, made (with its Kreis) if missing.

    Returns `(body, created, known)`: `known` is False for a name the facts don't list, which
    is then made a Gemeinde without Kreis for staff to complete.
    """
    from .models import Body

    place = find_place(name)
    name = place.name if place else " ".join(name.split())
    body = Body.objects.filter(name=name).first()
    if body:
        return body, False, place is not None
    if place is None:
        body = Body.objects.create(name=name, slug=_free_body_slug(name), kind=MUNICIPALITY)
        return body, True, False
    district = get_or_create_body(place.district)[0] if place.district else None
    body = Body.objects.create(
        name=name,
        slug=_free_body_slug(name),
        kind=place.kind,
        district=district,
        administrative_region=place.administrative_region,
        ruhr_area=place.ruhr_area,
    )
    return body, True, True


def get_or_create_organization(body, name=""):
    """The Gremium of this name in `body`, by default its Rat or Kreistag."""
    from .models import Organization

    name = " ".join(name.split()) or council_name(body)
    organization, _created = Organization.objects.get_or_create(
        body=body, name=name, defaults={"kind": organization_kind(name)}
    )
    return organization
