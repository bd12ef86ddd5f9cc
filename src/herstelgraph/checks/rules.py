"""The frameworks' normative rules for profiles, as data, and the SHACL Core shapes made from them.

Each ``CoverRule`` is one family of rules: which framework it belongs to, which profiles it
applies to, which items they must cover, how the hierarchy counts, how severe a gap is and
which sentence of the source says so. ``generate_profile_shapes`` turns the families into one
SHACL Core node shape per item (``shapes/profiles-generated.ttl``, rewritten by
``make shapes`` (``python tools/dev.py shapes``)), plus a notice for each framework and
profile type that have no rules ("geen regels voor dit kader").

``shapes/README.md`` lists the families with their severities and the wording that justifies
them; ``docs/modelling.md`` ("Profiles and conformance") says how coverage counts.

How a profile names items (one path for all kinds of profile; each kind uses its own
branches): a role profile's requirements, a person's proficiencies, a curriculum's learning
outcomes, a team's members' proficiencies and the expertise it can call in, an organisation's
fulfilled conditions. Coverage follows the hierarchy in two ways:

* ``any``: the item is covered when the profile names it or anything under it
  (``skos:broader*``): an example counts for what it exemplifies (IRB for Valente's
  "(een) relevante basismethodiek(en)"), a restatement for what it restates (``hg:restates``);
* ``all``: the item is covered when the profile names it (or a restatement of it), or covers
  every one of its parts: a BK competency by all of its activities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ids import compact, expand
from ..store.store import Store
from ..vocab import HG, PREFIXES, SKOS

SH = PREFIXES["sh"]
DCT = PREFIXES["dct"]
PROFILE_CLASSES = (
    "RoleProfile", "PersonProfile", "Curriculum", "TeamProfile", "OrganisationProfile",
)  # fmt: skip
#: the shape IRIs of the notices "no rules for this framework" start with this
NO_RULES = HG + "norules-"
#: how a profile names an item: (property, property, ...) from the profile to the item
NAMING_PATHS = (
    ("requirement", "concept"),
    ("proficiency", "concept"),
    ("module", "learningOutcome", "alignedTo"),
    ("member", "proficiency", "concept"),
    ("canCallIn", "concept"),
    ("fulfils", "concept"),
)
#: profile type -> (Dutch, English) word, as a rule's message names it
TYPE_WORDS = {
    "RoleProfile": ("functieprofiel", "role profile"),
    "PersonProfile": ("persoonsprofiel", "person profile"),
    "Curriculum": ("curriculum", "curriculum"),
    "TeamProfile": ("teamprofiel", "team profile"),
    "OrganisationProfile": ("organisatieprofiel", "organisation profile"),
}


@dataclass(frozen=True)
class CoverRule:
    """A framework's rule that profiles claiming conformance cover each of some items."""

    id: str
    scheme: str  # CURIE of the scheme a profile claims with dct:conformsTo
    targets: tuple[str, ...]  # profile classes (local names in hg:)
    severity: str
    items_sparql: str  # SELECT ?c: the items every such profile covers
    note: str  # why this severity: the source's wording, in English
    message_en: str  # {item}, {within} (BK knowledge), {specialism}, {examples}
    message_nl: str
    #: the verbatim source sentence: by the item's type ("*": any type), or per item
    quote: dict[str, str] = field(default_factory=dict)
    #: type | item (its hg:sourceText) | specialism | table | methods (SPECIALISM_METHODS)
    quote_from: str = "type"
    via_team: bool = False  # person profiles also when a team they are a member of claims
    hierarchy: str = "any"  # any: the item or anything under it; all: the item or all parts
    exempt: bool = False  # a profile with the item's hg:exemptRole is exempt
    specialism: bool = False  # only teams that declare the item's specialism
    #: appended to the message when the item has parts: how to cover it ({parts})
    hint_en: str = ""
    hint_nl: str = ""
    #: for a curriculum that covers some of the item's parts: the reason in its place, so it
    #: does not say "missing" of what is there in part ({item}, {done}, {rest}, {parts})
    partial_en: str = ""
    partial_nl: str = ""


_EACH = (
    "?c skos:inScheme valente:scheme ; hg:appliesAt hg:EachProfessional "
    "FILTER NOT EXISTS { ?c hg:isExample true } FILTER NOT EXISTS { ?c hg:isInferred true }"
)

#: Valente §1.2 and §2.1: what the organisation must see to, with the sentence that says how
#: strongly. Every Valente item that applies at the organisation is in exactly one of these.
VALENTE_ORGANISATION = {
    "valente:randvoorwaarde-structuur-implementatie": (
        "Violation",
        "De organisatie draagt zorg voor succesvolle implementatie van de kwaliteitsstandaard, "
        "inclusief voldoende draagvlak.",
    ),
    "valente:randvoorwaarde-bij-en-nascholing": (
        "Violation",
        "De organisatie moet de professionals voldoende gelegenheid bieden om bij- en "
        "nascholing te volgen voor het (behoud van) kwaliteit van deze zorg.",
    ),
    "valente:randvoorwaarde-reflectie": (
        "Violation",
        "De organisatie dient dit te faciliteren door het organiseren van "
        "casuïstiekbesprekingen, intervisie, supervisie en moreel beraad.",
    ),
    "valente:randvoorwaarde-capaciteit-en-samenwerking-teams": (
        "Violation",
        "De organisatie is verantwoordelijk voor het aannemen en behouden van voldoende "
        "professionals binnen de organisatie om kwalitatief goede herstelondersteunende zorg "
        "aan te bieden.",
    ),
    "valente:randvoorwaarde-samenwerking-andere-teams": (
        "Violation",
        "Om dit op te vangen moet de organisatie korte lijnen creëren voor samenwerking binnen "
        "en tussen de organisatie(s), op verschillende niveaus binnen de organisatie(s).",
    ),
    "valente:kennis-team-beschikbaar": (
        "Violation",
        "verantwoordelijkheid om ervoor te zorgen dat deze actuele kennis aanwezig is in de "
        "teams of eenvoudig en snel in te schakelen is door de teams.",
    ),
    "valente:randvoorwaarde-herstelcultuur": (
        "Warning",
        "Voordat de organisatie aan de slag kan gaan met de genoemde randvoorwaarden, is het "
        "van belang dat de cultuur binnen de organisatie op alle niveaus doordrongen is van de "
        "herstelgedachte.",
    ),
    "valente:randvoorwaarde-overige-medewerkers": (
        "Warning",
        "Hiernaast is het van belang om er als organisatie voor te zorgen dat ook overige "
        "medewerkers in de organisatie weten wat herstelondersteunende zorg inhoudt.",
    ),
}


#: Valente §1.2: the specialisms are examples
SPECIALISM_EXAMPLES = (
    "Een aantal veelgenoemde voorbeelden van specialismes die om aanvullende kennis binnen het "
    "team vragen, zijn bijvoorbeeld:"
)


#: Valente §1.2: the sentences that ask for a specialism's methods and name them only by
#: example, verbatim (the generator checks them against the specialism's text)
SPECIALISM_METHODS = {
    "valente:specialisme-justitieel-kader": (
        "De zorg-/hulpvraag van mensen met een justitieel of gedwongen kader vraagt om "
        "specifieke methodische kennis. Het vraagt bijvoorbeeld om andere risicobeheersing en "
        "-taxatie, die mede gericht is op het voorkomen van terugval in crimineel gedrag."
    ),
    "valente:specialisme-housing-first": (
        "Hierbij is het gewenst dat in het team expertise aanwezig is over specifieke "
        "methodieken hiervoor, zoals Housing First."
    ),
}


def _values(severity: str) -> str:
    return " ".join(k for k, (s, _) in sorted(VALENTE_ORGANISATION.items()) if s == severity)


_VALENTE_ORG_NOTE = (
    "Valente §2.1: 'Organisaties moeten hiervoor aan bepaalde randvoorwaarden voldoen.' The "
    "five randvoorwaarden of Figure 4 and the knowledge the teams need (§1.2, 'hebben de "
    "verantwoordelijkheid') are what the organisation must see to ('moet', 'dient', 'is "
    "verantwoordelijk', 'draagt zorg'): a violation. The two conditions before them are 'van "
    "belang': a warning."
)

COVER_RULES: tuple[CoverRule, ...] = (
    # ------------------------------------------------------------------ BK-0597-1
    CoverRule(
        id="bk",
        scheme="bk:scheme",
        targets=("RoleProfile", "PersonProfile", "Curriculum"),
        severity="Violation",
        items_sparql="SELECT ?c WHERE { ?c a hg:Competency ; skos:inScheme bk:scheme }",
        note="A beroepskwalificatie is the set of its competencies (BK-0597-1, 'Opsomming "
        "competenties'), each with its activities: a profile that claims the qualification "
        "covers every competency, by naming it or all of its activities. A qualification is "
        "held by a person: a team that claims it claims it for every member.",
        message_en="BK-0597-1 asks for competency {item}, which is missing",
        message_nl="BK-0597-1 vraagt competentie {item}, die ontbreekt",
        hint_en=": name the competency or all of its activities ({parts})",
        hint_nl=": noem de competentie zelf of al haar activiteiten ({parts})",
        partial_en="BK-0597-1 asks for competency {item}, which is covered only in part: "
        "activities with a learning outcome: {done}; without: {rest}. The competency counts "
        "when it or all of its activities ({parts}) have one",
        partial_nl="BK-0597-1 vraagt competentie {item}, die maar ten dele aan bod komt: "
        "activiteiten met een leeruitkomst: {done}; zonder: {rest}. De competentie telt "
        "mee als zij zelf of al haar activiteiten ({parts}) er een hebben",
        quote_from="item",
        via_team=True,
        hierarchy="all",
    ),
    CoverRule(
        id="bk-knowledge",
        scheme="bk:scheme",
        targets=("Curriculum",),
        severity="Warning",
        items_sparql="SELECT ?c WHERE { ?c a hg:KnowledgeItem ; skos:inScheme bk:scheme }",
        note="Each competency of BK-0597-1 comes 'met inbegrip van kennis': a curriculum that "
        "claims the qualification teaches that knowledge. A warning, not a violation: the "
        "knowledge is part of the competencies, which the curriculum may teach as a whole.",
        message_en="BK-0597-1 includes knowledge item {item} in {within} ('met inbegrip van "
        "kennis'), but no learning outcome is aligned to it",
        message_nl="BK-0597-1 rekent kennisitem {item} tot {within} (‘met inbegrip van "
        "kennis’), maar geen leeruitkomst is erop afgestemd",
        quote={"*": "met inbegrip van kennis:"},
    ),
    CoverRule(
        id="bk-context",
        scheme="bk:scheme",
        targets=("RoleProfile",),
        severity="Warning",
        items_sparql="SELECT ?c WHERE { ?c a hg:Section ; skos:inScheme bk:scheme "
        "FILTER NOT EXISTS { ?c skos:broader ?up } "
        "FILTER EXISTS { ?s skos:broader+ ?c ; a hg:ContextStatement } "
        "FILTER NOT EXISTS { ?r skos:broader ?c ; hg:restates ?x } }",
        note="BK-0597-1 describes the work's Omgevingscontext, Handelingscontext and Autonomie "
        "beside its competencies; a role profile that claims the qualification states them. "
        "Their wording is mostly descriptive ('kan', 'wordt', 'vraagt', 'Is zelfstandig in'), "
        "hence a warning. (Verantwoordelijkheid restates the competencies: covered with "
        "them.)",
        message_en="BK-0597-1 describes the qualification's {item}, which the profile does "
        "not state",
        message_nl="BK-0597-1 beschrijft de {item} van de kwalificatie, die het profiel niet "
        "vermeldt",
        hint_en=": require the section itself or all of its parts ({parts})",
        hint_nl=": neem het onderdeel zelf of al zijn delen op als vereiste ({parts})",
        quote_from="item",
        hierarchy="all",
    ),
    # --------------------------------------------------------------------- Valente
    CoverRule(
        id="valente-each",
        scheme="valente:scheme",
        targets=("PersonProfile", "RoleProfile"),
        severity="Violation",
        items_sparql="SELECT ?c WHERE { " + _EACH + " FILTER NOT EXISTS { ?c hg:exemptRole ?r } }",
        note="Valente asks this of every professional ('Daarnaast is het nodig dat iedere "
        "professional', 'waarover iedere professional dient te beschikken', 'De professional "
        "is …'): a violation. Items the text gives only as examples ('Denk bijvoorbeeld aan', "
        "hg:isExample) or that the curators inferred (hg:isInferred) are not demanded; an "
        "example counts for what it exemplifies. Applies to person and role profiles that "
        "claim Valente and to the members of a team that claims it.",
        message_en="Valente asks every professional for {item}; it is missing from this profile",
        message_nl="Valente vraagt van iedere professional {item}; dat ontbreekt in dit profiel",
        quote={
            "KnowledgeItem": "Daarnaast is het nodig dat iedere professional:",
            "Skill": "De bovenstaande vaardigheden waarover iedere professional dient te "
            "beschikken, zijn voornamelijk vaardigheden in (het opbouwen van een evenwaardige) "
            "relatie tot de individuele inwoner en zijn netwerk en de wijk.",
            "Attitude": "De professional is Betrokken, Betrouwbaar, Betekenisgevend, Bekwaam "
            "en Bewust van het eigen handelen in de ondersteuning die hij biedt.",
        },
        via_team=True,
    ),
    CoverRule(
        id="valente-exempt",
        scheme="valente:scheme",
        targets=("PersonProfile", "RoleProfile"),
        severity="Warning",
        items_sparql="SELECT ?c WHERE { " + _EACH + " ?c hg:exemptRole ?r }",
        note="'Voor professionals die … zelf geen ervaringsdeskundige zijn, is het van belang "
        "dat zij weten …': 'van belang', not 'dient', hence a warning; a profile with the "
        "ervaringsdeskundige role (hg:exemptRole) is exempt.",
        message_en="for professionals who are not themselves an ervaringsdeskundige, Valente "
        "finds {item} important; it is missing from this profile (a profile with the role "
        "ervaringsdeskundige is exempt)",
        message_nl="voor professionals die zelf geen ervaringsdeskundige zijn, vindt Valente "
        "{item} van belang; dat ontbreekt in dit profiel (een profiel met de rol "
        "ervaringsdeskundige is vrijgesteld)",
        quote_from="item",
        via_team=True,
        exempt=True,
    ),
    CoverRule(
        id="valente-curriculum",
        scheme="valente:scheme",
        targets=("Curriculum",),
        severity="Info",
        items_sparql="SELECT ?c WHERE { " + _EACH + " }",
        note="Valente says the standard 'kan' help curricula: information only.",
        message_en="Valente asks every professional for {item}; this curriculum does not teach it",
        message_nl="Valente vraagt van iedere professional {item}; dit curriculum leert het "
        "niet aan",
        quote={
            "*": "Ook kan de standaard in de toekomst behulpzaam zijn voor curricula van "
            "opleidingen."
        },
    ),
    CoverRule(
        id="valente-specialism",
        scheme="valente:scheme",
        targets=("TeamProfile",),
        severity="Warning",
        items_sparql="SELECT ?c WHERE { ?c skos:inScheme valente:scheme ; "
        "hg:appliesAt hg:Team ; skos:broader ?s . ?s skos:broader valente:specialismes "
        "FILTER NOT EXISTS { ?c hg:isInferred true } "
        "FILTER NOT EXISTS { ?c hg:isExample true } }",
        note="'Het werken in een specialisme kan om aanvullende kennis binnen het team "
        "vragen': only for teams that declare the specialism (hg:specialism), and it is "
        "enough that the team has it or can call it in ('aanwezig is in de teams of eenvoudig "
        "en snel in te schakelen is door de teams'); the text says 'gewenst', 'vraagt om': a "
        "warning. Methods the text names only as examples ('zoals motiverende "
        "gespreksvoering', 'zoals Gentle Teaching en de Triple-C methode': hg:isExample) are "
        "not asked for on their own.",
        message_en="this team works in the specialism {specialism}, for which Valente names "
        "{item}; no member holds it and the team has not recorded that it can call it in",
        message_nl="dit team werkt in het specialisme {specialism}, waarvoor Valente {item} "
        "noemt; geen teamlid beheerst het en het team heeft niet vastgelegd dat het dit "
        "eenvoudig en snel kan inschakelen",
        quote_from="specialism",
        specialism=True,
    ),
    CoverRule(
        id="valente-methods",
        scheme="valente:scheme",
        targets=("TeamProfile",),
        severity="Warning",
        items_sparql="SELECT ?c WHERE { ?c skos:broader valente:specialismes "
        "FILTER EXISTS { ?x skos:broader ?c ; hg:isExample true } "
        "FILTER NOT EXISTS { ?y skos:broader ?c FILTER NOT EXISTS { ?y hg:isExample true } "
        "FILTER NOT EXISTS { ?y hg:isInferred true } } }",
        note="Where Valente names a specialism's methods only by example ('vraagt om "
        "specifieke methodische kennis. Het vraagt bijvoorbeeld om …', 'gewenst dat in het team "
        "expertise aanwezig is over specifieke methodieken hiervoor, zoals Housing First'), no "
        "example is asked for on its own, but the expertise is: one warning for the "
        "specialism, which one example held or called in, or the specialism itself named as "
        "the team's expertise, satisfies. Only for teams that declare the specialism.",
        message_en="this team works in the specialism {specialism}, for which Valente names "
        "expertise in specific methods, only by example ({examples}); no member holds one and "
        "the team has not recorded that it can call one in: name one, or the specialism itself "
        "if the team's expertise is in another method",
        message_nl="dit team werkt in het specialisme {specialism}, waarvoor Valente expertise "
        "in specifieke methodieken noemt, alleen met voorbeelden ({examples}); geen teamlid "
        "beheerst er een en het team heeft niet vastgelegd dat het er een eenvoudig en snel "
        "kan inschakelen: noem er een, of het specialisme zelf als de expertise van het team "
        "een andere methodiek betreft",
        quote_from="methods",
        specialism=True,
    ),
    CoverRule(
        id="valente-team-skills",
        scheme="valente:scheme",
        targets=("TeamProfile",),
        severity="Warning",
        items_sparql="SELECT ?c WHERE { VALUES ?c { valente:vaardigheden-team } "
        "?c skos:inScheme valente:scheme }",
        note="'Het is wenselijk dat daarnaast in ieder team … vaardigheden aanwezig zijn op "
        "niveaus daarboven … Bijvoorbeeld:': desirable, hence a warning, and the skills that "
        "follow are examples, so one of them (or any skill at those levels) is enough.",
        message_en="Valente finds it desirable that every team has skills at the levels above "
        "the individual client (the network of professionals, the organisation, policy, "
        "society); no member holds one and the team cannot call one in: name at least one, "
        "e.g. {examples}",
        message_nl="Valente vindt het wenselijk dat in ieder team vaardigheden aanwezig zijn "
        "op de niveaus daarboven (het netwerk met professionals, de organisatie, het beleid, "
        "de maatschappij); geen teamlid beheerst er een en het team kan er geen inschakelen: "
        "noem er minstens één, bijvoorbeeld {examples}",
        quote={
            "*": "Het is wenselijk dat daarnaast in ieder team van professionals in "
            "herstelondersteunende zorg vaardigheden aanwezig zijn op niveaus daarboven, "
            "namelijk in relatie tot het netwerk met professionals (in de wijk), de "
            "organisatie, het beleid en de maatschappij. Bijvoorbeeld:"
        },
    ),
    CoverRule(
        id="valente-organisation",
        scheme="valente:scheme",
        targets=("OrganisationProfile",),
        severity="Violation",
        items_sparql="SELECT ?c WHERE { VALUES ?c { " + _values("Violation") + " } }",
        note=_VALENTE_ORG_NOTE,
        message_en="Valente asks the organisation for {item}; this profile does not say the "
        "organisation fulfils it",
        message_nl="Valente vraagt van de organisatie {item}; dit profiel vermeldt niet dat de "
        "organisatie daaraan voldoet",
        quote_from="table",
    ),
    CoverRule(
        id="valente-organisation-belang",
        scheme="valente:scheme",
        targets=("OrganisationProfile",),
        severity="Warning",
        items_sparql="SELECT ?c WHERE { VALUES ?c { " + _values("Warning") + " } }",
        note=_VALENTE_ORG_NOTE,
        message_en="Valente finds {item} important for the organisation; this profile does "
        "not say the organisation fulfils it",
        message_nl="Valente vindt {item} van belang voor de organisatie; dit profiel vermeldt "
        "niet dat de organisatie daaraan voldoet",
        quote_from="table",
    ),
    # ------------------------------------------------------------------ Bijlage II
    CoverRule(
        id="bijlage-ii",
        scheme="bijlage2:scheme",
        targets=("PersonProfile", "RoleProfile"),
        severity="Warning",
        items_sparql="SELECT ?c WHERE { ?c skos:inScheme bijlage2:scheme ; "
        "hg:appliesAt hg:EachProfessional ; a ?t VALUES ?t { hg:Competency hg:Task } }",
        note="Bijlage II: workers 'beschikken … over de volgende competenties' and the task "
        "package is one they 'dient te beheersen', but the text is a draft ('Concept van het "
        "competentieprofiel', 'concept taken') with levels 'nog nader aan te bepalen': a "
        "warning at most. Applies to person and role profiles that claim it and to the "
        "members of a team that claims it.",
        message_en="Bijlage II (a draft) lists {item} among what workers master; it is "
        "missing from this profile",
        message_nl="Bijlage II (een concept) noemt {item} bij wat werkers beheersen; dat "
        "ontbreekt in dit profiel",
        hint_en=": name it or all of its parts ({parts})",
        hint_nl=": noem het zelf of al zijn delen ({parts})",
        quote={
            "Competency": "De medewerker, professional en werkers met ervaringskennis "
            "beschikken op nog nader aan te bepalen niveaus over de volgende competenties:",
            "Task": "Een pakket dat een zorgprofessional en ervaringsdeskundige in de zich "
            "ontvouwende context van herstelondersteuning dient te beheersen.",
        },
        via_team=True,
        hierarchy="all",
    ),
    # ------------------------------------------------------------- Randvoorwaarden
    CoverRule(
        id="rv-organisation",
        scheme="rv:scheme",
        targets=("OrganisationProfile",),
        severity="Violation",
        items_sparql="SELECT ?c WHERE { ?c skos:inScheme rv:scheme ; "
        "hg:appliesAt hg:Organisation }",
        note="Each randvoorwaarde is an instruction in the imperative ('Zorg voor', 'Creëer', "
        "'Faciliteer', 'Breng … in', 'Stel … ter discussie'): an organisation that claims "
        "them fulfils each; a violation.",
        message_en="the Randvoorwaarden ask the organisation: {item}; this profile does not "
        "say the organisation fulfils it",
        message_nl="de Randvoorwaarden vragen van de organisatie: {item}; dit profiel vermeldt "
        "niet dat de organisatie daaraan voldoet",
        quote_from="item",
    ),
    CoverRule(
        id="rv-curriculum",
        scheme="rv:scheme",
        targets=("Curriculum",),
        severity="Violation",
        items_sparql="SELECT ?c WHERE { ?c skos:inScheme rv:scheme ; skos:broader rv:onderwijs }",
        note="'Integreer herstelondersteuning, empowerment en ervaringsdeskundigheid, "
        "gezamenlijke besluitvorming en zelfmanagement in het curriculum …': an instruction "
        "to education in the imperative; a curriculum that claims the Randvoorwaarden has a "
        "learning outcome aligned to it. A violation.",
        message_en="the Randvoorwaarden ask education: {item}; no learning outcome of this "
        "curriculum is aligned to it",
        message_nl="de Randvoorwaarden vragen van het onderwijs: {item}; geen leeruitkomst "
        "van dit curriculum is erop afgestemd",
        quote_from="item",
    ),
)


# ------------------------------------------------------------------- generating
class _Builder:
    """Triples of the generated shapes, with the shared paths made once."""

    def __init__(self) -> None:
        from rdflib import Graph

        self.g = Graph(bind_namespaces="none")
        self._paths: dict = {}
        self._claims: dict = {}

    def sh(self, name):
        from rdflib import URIRef

        return URIRef(SH + name)

    def hg(self, name):
        from rdflib import URIRef

        return URIRef(HG + name)

    def node(self, *pairs):
        from rdflib import BNode

        b = BNode()
        for p, o in pairs:
            self.g.add((b, p, o))
        return b

    def seq(self, items):
        from rdflib import BNode
        from rdflib.collection import Collection

        head = BNode()
        Collection(self.g, head, list(items))
        return head

    def path(self, kind: str):
        """'names': how a profile names items; 'named': that, or a restatement of it;
        'any': that, or anything under it. One blank node each, shared by every shape."""
        from rdflib import URIRef

        if kind not in self._paths:
            if kind == "names":
                alts = [self.seq(self.hg(n) for n in names) for names in NAMING_PATHS]
                p = self.node((self.sh("alternativePath"), self.seq(alts)))
            elif kind == "named":
                up = self.node((self.sh("zeroOrMorePath"), self.hg("restates")))
                p = self.seq([self.path("names"), up])
            else:
                broader = URIRef(SKOS + "broader")
                step = self.node(
                    (self.sh("alternativePath"), self.seq([broader, self.hg("restates")]))
                )
                up = self.node((self.sh("zeroOrMorePath"), step))
                p = self.seq([self.path("names"), up])
            self._paths[kind] = p
        return self._paths[kind]

    def claim(self, scheme, via_team: bool):
        """sh:not [ the profile (or, via_team, a team it is a member of) claims scheme ]."""
        from rdflib import URIRef

        key = (scheme, via_team)
        if key not in self._claims:
            direct = URIRef(DCT + "conformsTo")
            if via_team:
                inv = self.node((self.sh("inversePath"), self.hg("member")))
                alts = self.seq([direct, self.seq([inv, direct])])
                claim_path = self.node((self.sh("alternativePath"), alts))
            else:
                claim_path = direct
            claim = self.node((self.sh("path"), claim_path), (self.sh("hasValue"), scheme))
            self._claims[key] = self.node((self.sh("not"), claim))
        return self._claims[key]


def rule_of_shape(shape: str) -> CoverRule | None:
    """The rule a generated shape (``hg:cover-<rule id>-<item>``) was made from, or None."""
    name = shape.removeprefix(HG + "cover-") if shape.startswith(HG + "cover-") else ""
    found = [r for r in COVER_RULES if name.startswith(r.id + "-")]
    return max(found, key=lambda r: len(r.id)) if found else None


def generate_profile_shapes(store: Store):
    """The per-item Core shapes of COVER_RULES and the no-rules notices, from the graph."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import OWL, RDF, RDFS

    b = _Builder()
    g = b.g
    doc = URIRef(PREFIXES["hg"].removesuffix("def#") + "shapes/profiles-generated")
    g.add((doc, RDF.type, OWL.Ontology))
    g.add((doc, RDFS.label, Literal("herstelgraph per-item profile shapes", lang="en")))
    g.add((doc, RDFS.label, Literal("herstelgraph-vormen per item voor profielen", lang="nl")))
    for lang, text in (
        ("en", "Generated by 'make shapes' (python tools/dev.py shapes) from the "
         "framework items and the rule families in herstelgraph.checks.rules; do not edit by "
         "hand. shapes/README.md explains each family."),
        ("nl", "Gegenereerd door 'make shapes' (python tools/dev.py shapes) uit de "
         "items van de kaders en de regelfamilies in herstelgraph.checks.rules; niet met de "
         "hand bewerken. shapes/README.md legt elke familie uit."),
    ):  # fmt: skip
        g.add((doc, RDFS.comment, Literal(text, lang=lang)))
    info = _ItemInfo(store)
    for rule in COVER_RULES:
        scheme = URIRef(_expand(rule.scheme))
        for row in sorted(store.select(rule.items_sparql), key=lambda r: r["c"].value):
            item = row["c"].value
            if not info.exists(item):
                continue
            specialisms = info.specialisms(item) if rule.specialism else [None]
            for specialism in specialisms:
                # an item under two specialisms gets a rule for each, named apart
                suffix = _local(specialism) if specialism and len(specialisms) > 1 else ""
                _item_shape(b, info, rule, scheme, item, specialism, suffix)
    _specialism_notice(b, info)
    _no_rules_notices(b, store, info)
    return g


def _expand(curie: str) -> str:
    """The IRI of one of the CURIEs written in this module (a known prefix, or a bug here)."""
    iri = expand(curie)
    if iri is None:
        raise ValueError(f"{curie!r} in herstelgraph.checks.rules has no known prefix")
    return iri


def _local(iri: str) -> str:
    return compact(iri).split(":", 1)[-1].strip("/").replace("/", "-")


def _item_shape(b: _Builder, info, rule, scheme, item: str, specialism, suffix="") -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import DCTERMS, RDF, RDFS

    g = b.g
    shape = URIRef(f"{HG}cover-{rule.id}-{_local(item)}" + (f"--{suffix}" if suffix else ""))
    g.add((shape, RDF.type, b.sh("NodeShape")))
    g.add((shape, RDFS.label, Literal(f"{rule.id}: {compact(item)}", lang="en")))
    for cls in rule.targets:
        g.add((shape, b.sh("targetClass"), b.hg(cls)))
    g.add((shape, b.sh("severity"), b.sh(rule.severity)))
    g.add((shape, DCTERMS.source, URIRef(item)))
    g.add((shape, RDFS.seeAlso, URIRef(item)))
    g.add((shape, URIRef(HG + "sourceText"), Literal(_quote(rule, info, item), lang="nl")))
    g.add((shape, URIRef(SKOS + "scopeNote"), Literal(rule.note, lang="en")))
    parts = info.parts(item) if rule.hierarchy == "all" else []
    for lang, template, hint in (
        ("en", rule.message_en, rule.hint_en),
        ("nl", rule.message_nl, rule.hint_nl),
    ):
        text = (template + (hint if parts else "")).format(
            item=info.shown(item),
            parts=", ".join(info.shown_short(p) for p in parts),
            within=info.within(item, lang),
            specialism=f"“{info.label(specialism)}”" if specialism else "",
            examples="; ".join(f"“{info.label(c)}”" for c in info.examples(item)),
        )
        g.add((shape, b.sh("message"), Literal(text, lang=lang)))
    # sh:or ( [ sh:not claim ] … [ covers ] ): only claiming profiles must cover.
    options = [b.claim(scheme, rule.via_team)]
    if specialism:
        declares = b.node(
            (b.sh("path"), b.hg("specialism")), (b.sh("hasValue"), URIRef(specialism))
        )
        options.append(b.node((b.sh("not"), declares)))
    if rule.exempt:
        for role in info.exempt_roles(item):
            options.append(b.node((b.sh("path"), b.hg("role")), (b.sh("hasValue"), URIRef(role))))
    options.append(_covers(b, info, item, rule.hierarchy))
    g.add((shape, b.sh("or"), b.seq(options)))


def _covers(b: _Builder, info, item: str, hierarchy: str):
    """A shape a profile conforms to when it covers the item."""
    from rdflib import URIRef

    parts = info.parts(item) if hierarchy == "all" else []
    if not parts:
        return b.node((b.sh("path"), b.path("any")), (b.sh("hasValue"), URIRef(item)))
    named = b.node((b.sh("path"), b.path("named")), (b.sh("hasValue"), URIRef(item)))
    every = b.node()
    leaves = [p for p in parts if not info.parts(p)]
    if leaves:
        prop = b.node((b.sh("path"), b.path("any")))
        for leaf in leaves:
            b.g.add((prop, b.sh("hasValue"), URIRef(leaf)))
        b.g.add((every, b.sh("property"), prop))
    for part in parts:
        if part not in leaves:
            b.g.add((every, b.sh("node"), _covers(b, info, part, "all")))
    return b.node((b.sh("or"), b.seq([named, every])))


def _quote(rule: CoverRule, info, item: str) -> str:
    if rule.quote_from == "table":
        return VALENTE_ORGANISATION[compact(item)][1]
    if rule.quote_from == "item":
        return info.source_text(item)
    if rule.quote_from == "specialism":
        return info.sentence_naming(item)
    if rule.quote_from == "methods":
        quote = SPECIALISM_METHODS.get(compact(item))
        if quote is None or not info.says(item, quote):
            raise ValueError(f"rule {rule.id}: no verbatim source sentence for {compact(item)}")
        return quote
    kind = info.type(item)
    quote = rule.quote.get(kind) or rule.quote.get("*")
    if quote is None:
        raise ValueError(f"rule {rule.id}: no source sentence for {compact(item)} ({kind})")
    return quote


def _specialism_notice(b: _Builder, info) -> None:
    """Info for a Valente team that names a specialism Valente gives no knowledge for."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import DCTERMS, RDF, RDFS

    named = info.all_specialisms()
    if not named:
        return
    g = b.g
    shape = URIRef(HG + "TeamOtherSpecialismShape")
    scheme = URIRef(_expand("valente:scheme"))
    g.add((shape, RDF.type, b.sh("NodeShape")))
    g.add((shape, RDFS.label, Literal("specialism without Valente items", lang="en")))
    g.add((shape, b.sh("targetClass"), b.hg("TeamProfile")))
    g.add((shape, b.sh("severity"), b.sh("Info")))
    g.add((shape, DCTERMS.source, URIRef(_expand("valente:specialismes"))))
    g.add((shape, RDFS.seeAlso, URIRef(_expand("valente:specialismes"))))
    g.add((shape, URIRef(HG + "sourceText"), Literal(SPECIALISM_EXAMPLES, lang="nl")))
    g.add((shape, URIRef(SKOS + "scopeNote"), Literal(
        "Valente gives its specialisms as 'veelgenoemde voorbeelden', not a closed list: a "
        "team may work in another one; Valente names no knowledge for it, so nothing is "
        "checked, and the report says so.", lang="en")))  # fmt: skip
    g.add((shape, b.sh("message"), Literal(
        "this team names a specialism for which Valente gives no knowledge (its specialisms "
        "are frequently named examples, not a closed list): nothing to check for it",
        lang="en")))  # fmt: skip
    g.add((shape, b.sh("message"), Literal(
        "dit team noemt een specialisme waarvoor Valente geen kennis noemt (Valentes "
        "specialismes zijn veelgenoemde voorbeelden, geen gesloten lijst): daarvoor valt "
        "niets te controleren", lang="nl")))  # fmt: skip
    known = b.node((b.sh("path"), b.hg("specialism")), (b.sh("in"), b.seq(map(URIRef, named))))
    g.add((shape, b.sh("or"), b.seq([b.claim(scheme, False), known])))


def _no_rules_notices(b: _Builder, store: Store, info) -> None:
    """An Info for each framework and profile type the rules do not cover, so that a claim
    no rule checks never passes silently."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import DCTERMS, RDF, RDFS

    covered = set()
    for rule in COVER_RULES:
        for cls in rule.targets:
            covered.add((rule.scheme, cls))
        if rule.via_team:
            covered.add((rule.scheme, "TeamProfile"))
    g = b.g
    schemes = store.select("SELECT ?s WHERE { ?s a hg:Framework }")
    for scheme in sorted(r["s"].value for r in schemes):
        curie = compact(scheme)
        for cls in PROFILE_CLASSES:
            if (curie, cls) in covered:
                continue
            local = curie.split(":")[0]
            shape = URIRef(f"{NO_RULES}{local}-{cls}")
            nl, en = TYPE_WORDS[cls]
            name = f"“{info.label(scheme)}” ({curie})"
            g.add((shape, RDF.type, b.sh("NodeShape")))
            g.add((shape, RDFS.label, Literal(f"no rules: {curie} for {en}s", lang="en")))
            g.add((shape, b.sh("targetClass"), b.hg(cls)))
            g.add((shape, b.sh("severity"), b.sh("Info")))
            g.add((shape, DCTERMS.source, URIRef(scheme)))
            g.add((shape, RDFS.seeAlso, URIRef(scheme)))
            g.add((shape, b.sh("message"), Literal(
                f"claims conformance to {name}, but this framework asks nothing of a {en}: "
                "no rules for this framework, the claim is not checked", lang="en")))  # fmt: skip
            g.add((shape, b.sh("message"), Literal(
                f"claimt te voldoen aan {name}, maar dit kader vraagt niets van een {nl}: geen "
                "regels voor dit kader, de claim is niet gecontroleerd", lang="nl")))  # fmt: skip
            claims = b.node(
                (b.sh("path"), URIRef(DCT + "conformsTo")), (b.sh("hasValue"), URIRef(scheme))
            )
            g.add((shape, b.sh("not"), claims))


class _ItemInfo:
    """What the generator reads about items from the graph, each query once."""

    def __init__(self, store: Store):
        self.store = store
        rows = store.select(
            "SELECT ?c ?n ?l ?t ?st ?def WHERE { ?c a skos:Concept "
            "OPTIONAL { ?c skos:notation ?n } "
            "OPTIONAL { ?c skos:prefLabel ?l FILTER(LANGMATCHES(LANG(?l), 'nl')) } "
            "OPTIONAL { ?c a ?t FILTER(STRSTARTS(STR(?t), STR(hg:)) && ?t != hg:Item) } "
            "OPTIONAL { ?c hg:sourceText ?st FILTER(LANGMATCHES(LANG(?st), 'nl')) } "
            "OPTIONAL { ?c skos:definition ?def FILTER(LANGMATCHES(LANG(?def), 'nl')) } }"
        )
        self._info: dict[str, dict] = {}
        for r in rows:
            d = self._info.setdefault(r["c"].value, {"texts": set()})
            for key, var in (("notation", "n"), ("label", "l"), ("type", "t"), ("def", "def")):
                if r.get(var) is not None and key not in d:
                    d[key] = r[var].value
            if r.get("st") is not None:
                d["texts"].add(r["st"].value)
        for r in store.select("SELECT ?s ?l WHERE { ?s a hg:Framework ; skos:prefLabel ?l "
                              "FILTER(LANGMATCHES(LANG(?l), 'nl')) }"):  # fmt: skip
            self._info.setdefault(r["s"].value, {"texts": set()})["label"] = r["l"].value
        self._examples = {
            r["c"].value for r in store.select("SELECT ?c WHERE { ?c hg:isExample true }")
        }
        self._children: dict[str, list[str]] = {}
        for r in store.select("SELECT ?c ?p WHERE { ?c skos:broader ?p }"):
            self._children.setdefault(r["p"].value, []).append(r["c"].value)

    def exists(self, iri: str) -> bool:
        return iri in self._info

    def label(self, iri: str) -> str:
        return self._info.get(iri, {}).get("label") or compact(iri)

    def type(self, iri: str) -> str:
        t = self._info.get(iri, {}).get("type")
        return compact(t).removeprefix("hg:") if t else ""

    def shown(self, iri: str) -> str:
        """'C2 “label” (bk:competentie-02)'; a section without its notation ('OC' reads as
        a word)."""
        notation = self._info.get(iri, {}).get("notation") if self.type(iri) != "Section" else None
        shown = f"“{self.label(iri)}” ({compact(iri)})"
        return f"{notation} {shown}" if notation else shown

    def shown_short(self, iri: str) -> str:
        return self._info.get(iri, {}).get("notation") or compact(iri)

    def parts(self, iri: str) -> list[str]:
        """The items directly under it, in notation order (examples count for their parent,
        and are not parts it must have)."""
        kids = [k for k in self._children.get(iri, []) if k not in self._examples]
        return sorted(kids, key=lambda k: _natural(self.shown_short(k)))

    def children(self, iri: str) -> list[str]:
        """Every item directly under it, examples included, in notation order."""
        kids = self._children.get(iri, [])
        return sorted(kids, key=lambda k: _natural(self.shown_short(k)))

    def examples(self, iri: str) -> list[str]:
        """The items directly under it that the text gives only as examples."""
        return [k for k in self.children(iri) if k in self._examples]

    def says(self, iri: str, quote: str) -> bool:
        """Whether the item's own text (hg:sourceText or definition) contains the quote."""
        d = self._info.get(iri, {})
        return any(quote in t for t in d.get("texts", set()) | {d.get("def") or ""})

    def within(self, iri: str, lang: str) -> str:
        """'competentie C1' / 'competenties C1, C3': the competencies that include it."""
        rows = self.store.select("SELECT ?c WHERE { ?c hg:requiresKnowledge ?k }", {"k": _nn(iri)})
        names = sorted((self.shown_short(r["c"].value) for r in rows), key=_natural)
        one, many = (
            ("competentie", "competenties") if lang == "nl" else ("competency", "competencies")
        )
        return f"{one if len(names) == 1 else many} {', '.join(names)}" if names else "-"

    def exempt_roles(self, iri: str) -> list[str]:
        rows = self.store.select("SELECT ?r WHERE { ?c hg:exemptRole ?r }", {"c": _nn(iri)})
        return sorted(r["r"].value for r in rows)

    def specialisms(self, iri: str) -> list[str]:
        """The specialisms it belongs to (itself, for a specialism)."""
        if iri in self.all_specialisms():
            return [iri]
        rows = self.store.select(
            "SELECT ?s WHERE { ?c skos:broader ?s . ?s skos:broader valente:specialismes }",
            {"c": _nn(iri)},
        )
        return sorted(r["s"].value for r in rows)

    def all_specialisms(self) -> list[str]:
        rows = self.store.select("SELECT ?s WHERE { ?s skos:broader valente:specialismes }")
        return sorted(r["s"].value for r in rows)

    def source_text(self, iri: str) -> str:
        """The item's own verbatim text: its hg:sourceText (the shortest that contains the
        label, if it has parts), else its Dutch definition if that quotes the source, else
        its label."""
        d = self._info.get(iri, {})
        texts = sorted(d.get("texts", ()), key=len)
        label = self.label(iri)
        for text in texts:
            if label in text:
                return text
        if texts:
            return texts[0]
        return label

    def sentence_naming(self, iri: str) -> str:
        """The sentence of the item's specialism that names the item."""
        label = self.label(iri)
        for spec in self.specialisms(iri):
            d = self._info.get(spec, {})
            for text in sorted(d.get("texts", set()) | {d.get("def") or ""}, key=len):
                for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
                    if label.lower() in sentence.lower():
                        return sentence
        return self.source_text(iri)


def _nn(iri: str):
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def _natural(text: str) -> list:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text)]


# ------------------------------------------------------------------ role profiles
#: The role profiles the sources define themselves (ontology/roles.ttl): id, role, framework,
#: the rule families whose items it requires, its label (composed, untagged) and English label.
SHIPPED_ROLES = (
    ("bk-0597-1", "nk:rol-ervaringsdeskundige", "bk:scheme", ("bk", "bk-knowledge", "bk-context"),
     "Ervaringsdeskundige basiswerk (BK-0597-1)",
     "Experiential expert, basic work (BK-0597-1)"),
    ("valente-professional", "nk:rol-professional", "valente:scheme",
     ("valente-each", "valente-exempt"),
     "Professional in herstelondersteunende zorg (Valente 2023)",
     "Professional in recovery-supporting care (Valente 2023)"),
    ("valente-ervaringsdeskundige", "nk:rol-ervaringsdeskundige", "valente:scheme",
     ("valente-each",),
     "Ervaringsdeskundige in herstelondersteunende zorg (Valente 2023)",
     "Experiential expert in recovery-supporting care (Valente 2023)"),
    ("bijlage-ii-professional", "nk:rol-professional", "bijlage2:scheme", ("bijlage-ii",),
     "Herstelondersteunende werker: professional (Bijlage II)",
     "Recovery-supporting worker: professional (Bijlage II)"),
    ("bijlage-ii-ervaringsdeskundige", "nk:rol-ervaringsdeskundige", "bijlage2:scheme",
     ("bijlage-ii",),
     "Herstelondersteunende werker: ervaringsdeskundige (Bijlage II)",
     "Recovery-supporting worker: experiential expert (Bijlage II)"),
)  # fmt: skip

_ROLE_NOTES = {
    "bk-0597-1": "BK-0597-1 is the Flemish occupational qualification 'Ervaringsdeskundige "
    "basiswerk': its competencies (each requirement names the competency, whose activities "
    "it includes), the knowledge they include ('met inbegrip van kennis') and the statements "
    "of its Omgevingscontext, Handelingscontext and Autonomie. The qualification sets one "
    "level for the whole (VKS and EQF level 4), none per item, so the requirements carry no "
    "hg:requiredLevel. nk:rol-ervaringsdeskundige is the graph's one role concept for the "
    "ervaringsdeskundige.",
    "valente-professional": "What Valente asks of every professional who delivers "
    "recovery-supporting care daily ('iedere professional'): the attitudes, knowledge and "
    "skills of §1.1-1.3, without the items the text gives only as examples or the curators "
    "inferred, and with K1 and K2, which Valente finds important ('van belang') for "
    "professionals who are not themselves ervaringsdeskundige. Valente states no levels. "
    "What Valente asks of the team as a whole (specialism knowledge, higher-level skills, an "
    "ervaringsdeskundige who can be deployed in every team) is asked of no single role: the "
    "team rules check it (shapes/README.md).",
    "valente-ervaringsdeskundige": "The same as for every professional, without K1 and K2: "
    "Valente asks those only of professionals who are 'zelf geen ervaringsdeskundige' "
    "(hg:exemptRole). Team-level items are asked of the team, not of a role.",
    "bijlage-ii-professional": "Bijlage II (a draft) profiles 'herstelondersteunende "
    "werkers': 'De benodigde competenties van professionals én ervaringsdeskundigen'. The "
    "same requirements stand in two profiles, one per role, because a role profile names one "
    "role. Levels are 'nog nader aan te bepalen' (hg:LevelToBeDetermined).",
    "bijlage-ii-ervaringsdeskundige": "Bijlage II (a draft) profiles 'herstelondersteunende "
    "werkers': 'De benodigde competenties van professionals én ervaringsdeskundigen'. The "
    "same requirements stand in two profiles, one per role, because a role profile names one "
    "role. Levels are 'nog nader aan te bepalen' (hg:LevelToBeDetermined).",
}


def generate_role_profiles(store: Store):
    """The shipped role profiles: what each source asks of a role, each requirement with the
    sentence that asks it (hg:sourceText) and no level the source does not give."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

    g = Graph(bind_namespaces="none")
    doc = URIRef(PREFIXES["hg"].removesuffix("def#") + "roles")
    g.add((doc, RDF.type, OWL.Ontology))
    g.add((doc, RDFS.label, Literal("herstelgraph role profiles from the sources", lang="en")))
    comment = (
        "Role profiles the source texts define themselves, each requirement citing the sentence "
        "that asks for it. Generated by 'make shapes' (python tools/dev.py shapes) from "
        "the frameworks and the rule families of herstelgraph.checks.rules; do not edit by "
        "hand. docs/modelling.md ('Role profiles from the sources') explains them."
    )
    g.add((doc, RDFS.comment, Literal(comment, lang="en")))
    info = _ItemInfo(store)
    families = {rule.id: rule for rule in COVER_RULES}
    hgp = PREFIXES["hgp"]
    for pid, role, scheme, rule_ids, label, label_en in SHIPPED_ROLES:
        profile = URIRef(f"{hgp}functieprofiel-{pid}")
        g.add((profile, RDF.type, URIRef(HG + "RoleProfile")))
        g.add((profile, RDFS.label, Literal(label)))
        g.add((profile, RDFS.label, Literal(label_en, lang="en")))
        g.add((profile, URIRef(HG + "role"), URIRef(_expand(role))))
        g.add((profile, DCTERMS.conformsTo, URIRef(_expand(scheme))))
        g.add((profile, URIRef(SKOS + "editorialNote"), Literal(_ROLE_NOTES[pid], lang="en")))
        for rule_id in rule_ids:
            rule = families[rule_id]
            rows = store.select(rule.items_sparql)
            for item in sorted(r["c"].value for r in rows if info.exists(r["c"].value)):
                for concept in _requirement_items(info, rule, item):
                    local = compact(concept).split(":", 1)[-1]
                    req = URIRef(f"{hgp}functieprofiel-{pid}-{local}")
                    g.add((profile, URIRef(HG + "requirement"), req))
                    g.add((req, RDF.type, URIRef(HG + "Requirement")))
                    g.add((req, URIRef(HG + "concept"), URIRef(concept)))
                    quote = _quote(rule, info, item)
                    if rule.quote_from == "item" and concept != item:
                        quote = info.source_text(concept)
                    g.add((req, URIRef(HG + "sourceText"), Literal(quote, lang="nl")))
                    if scheme == "bijlage2:scheme":
                        level = URIRef(HG + "LevelToBeDetermined")
                        g.add((req, URIRef(HG + "levelStatus"), level))
    return g


def _requirement_items(info, rule: CoverRule, item: str) -> list[str]:
    """The items a role requires for one rule item: the item itself, or, for a context
    section, each statement under it (a role states them one by one)."""
    if rule.id != "bk-context":
        return [item]
    out, todo = [], list(info.parts(item))
    while todo:
        part = todo.pop(0)
        kids = info.parts(part)
        out += [part] if not kids else []
        todo = kids + todo
    return out
