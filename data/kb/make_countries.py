#!/usr/bin/env python3
"""Generates data/kb/countries.jsonl from Debian's iso-codes ISO 3166-1 list.

Usage (from the repository root; needs the Debian package `iso-codes`):

    python3 data/kb/make_countries.py > data/kb/countries.jsonl

The output is committed, so users never need to run this. Each ISO 3166-1
entry becomes one LOC record with id "country:<alpha-2 lower case>", the
ISO alpha-2 code in `iso3166`, the ISO name, common name and official name
as aliases, and, from the hand-written EXTRA table below: the canonical
English short name, common short names and abbreviations, demonyms /
adjectives, the office meant by "the X leader" and the Wikidata QID where
the author is sure of it. Territories (TERRITORIES) get kind "territory".
Kosovo (XK, a user-assigned code, not in ISO 3166-1) is added by hand.
Edit EXTRA and re-run to change the file; keep the output sorted by code.
"""
import json
import sys

ISO_PATH = "/usr/share/iso-codes/json/iso_3166-1.json"
AS_OF = "2025-06-30"

# CODE|canonical short name (empty: ISO common/short name)|aliases;...|
# demonyms;...|leader office|wikidata QID
EXTRA = r"""
AD||Principality of Andorra|Andorran||Q228
AE|United Arab Emirates|UAE;U.A.E.;the Emirates;Emirates|Emirati;Emirian|president|Q878
AF||Islamic Republic of Afghanistan;Islamic Emirate of Afghanistan|Afghan|supreme leader|Q889
AG||Antigua|Antiguan;Barbudan||
AL||Republic of Albania|Albanian|prime minister|Q222
AM||Republic of Armenia|Armenian|prime minister|Q399
AO||Republic of Angola|Angolan|president|Q916
AR||Argentine Republic;the Argentine|Argentine;Argentinian;Argentinean|president|Q414
AT||Republic of Austria|Austrian|chancellor|Q40
AU||Commonwealth of Australia;Aussie|Australian|prime minister|Q408
AZ||Republic of Azerbaijan|Azerbaijani;Azeri|president|Q227
BA|Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina;BiH|Bosnian;Herzegovinian||Q225
BB|||Barbadian;Bajan||
BD||People's Republic of Bangladesh|Bangladeshi|prime minister|Q902
BE||Kingdom of Belgium|Belgian|prime minister|Q31
BF|||Burkinabe;Burkinabè|president|Q965
BG||Republic of Bulgaria|Bulgarian|prime minister|Q219
BH||Kingdom of Bahrain|Bahraini|monarch|Q398
BI|||Burundian|president|
BJ|||Beninese|president|
BN||Brunei Darussalam|Bruneian|monarch|
BO|||Bolivian|president|Q750
BR||Federative Republic of Brazil;Brasil|Brazilian|president|Q155
BS||the Bahamas|Bahamian||
BT|||Bhutanese|prime minister|
BW|||Botswanan;Motswana;Batswana|president|
BY||Republic of Belarus;Byelorussia|Belarusian;Belarusan;Byelorussian|president|Q184
BZ|||Belizean||
CA|||Canadian|prime minister|Q16
CD|Democratic Republic of the Congo|DR Congo;DRC;Congo-Kinshasa;Congo Kinshasa;D.R. Congo|Congolese|president|Q974
CF||CAR|Central African|president|
CG|Republic of the Congo|Congo-Brazzaville;Congo Brazzaville;Congo Republic|Congolese|president|
CH||Swiss Confederation|Swiss|president|Q39
CI|Côte d'Ivoire|Ivory Coast;Cote d'Ivoire|Ivorian|president|
CL||Republic of Chile|Chilean|president|Q298
CM||Republic of Cameroon|Cameroonian|president|
CN||People's Republic of China;PRC;P.R.C.;Mainland China|Chinese|president|Q148
CO||Republic of Colombia|Colombian|president|Q739
CR|||Costa Rican|president|
CU||Republic of Cuba|Cuban|president|Q241
CV||Cape Verde;Cabo Verde|Cape Verdean;Cabo Verdean||
CY||Republic of Cyprus|Cypriot|president|Q229
CZ|Czech Republic|Czechia;Czech Rep.|Czech|prime minister|Q213
DE||Federal Republic of Germany;FRG|German|chancellor|Q183
DJ|||Djiboutian|president|
DK||Kingdom of Denmark|Danish;Dane|prime minister|Q35
DM|||Dominican||
DO||Dominican Rep.|Dominican|president|
DZ||People's Democratic Republic of Algeria|Algerian|president|Q262
EC||Republic of Ecuador|Ecuadorian;Ecuadorean|president|Q736
EE||Republic of Estonia|Estonian|prime minister|Q191
EG||Arab Republic of Egypt|Egyptian|president|Q79
ER|||Eritrean|president|
ES||Kingdom of Spain;España|Spanish;Spaniard|prime minister|Q29
ET||Federal Democratic Republic of Ethiopia|Ethiopian|prime minister|Q115
FI||Republic of Finland|Finnish;Finn|president|Q33
FJ|||Fijian|prime minister|
FM|Micronesia|Federated States of Micronesia|Micronesian||
FR||French Republic;République française|French;Frenchman|president|Q142
GA|||Gabonese|president|
GB|United Kingdom|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland;the United Kingdom;G.B.|British;Briton|prime minister|Q145
GD|||Grenadian||
GE||Republic of Georgia;Sakartvelo|Georgian|prime minister|Q230
GH||Republic of Ghana|Ghanaian|president|Q117
GM||the Gambia|Gambian|president|
GN||Guinea-Conakry|Guinean|president|
GQ|||Equatorial Guinean;Equatoguinean|president|
GR||Hellenic Republic;Hellas|Greek;Hellenic|prime minister|Q41
GT|||Guatemalan|president|
GW|||Bissau-Guinean|president|
GY|||Guyanese|president|
HN|||Honduran|president|
HR||Republic of Croatia;Hrvatska|Croatian;Croat|prime minister|Q224
HT|||Haitian|president|
HU||Magyarország|Hungarian;Magyar|prime minister|Q28
ID||Republic of Indonesia|Indonesian|president|Q252
IE||Éire;Republic of Ireland|Irish|prime minister|Q27
IL||State of Israel|Israeli|prime minister|Q801
IN||Republic of India;Bharat|Indian|prime minister|Q668
IQ||Republic of Iraq|Iraqi|prime minister|Q796
IR||Persia|Iranian;Persian|supreme leader|Q794
IS||Republic of Iceland|Icelandic;Icelander|prime minister|Q189
IT||Italian Republic;Italia|Italian|prime minister|Q38
JM|||Jamaican|prime minister|
JO||Hashemite Kingdom of Jordan|Jordanian|monarch|Q810
JP||Nippon;Nihon|Japanese|prime minister|Q17
KE||Republic of Kenya|Kenyan|president|Q114
KG||Kyrgyz Republic;Kirghizia|Kyrgyz;Kyrgyzstani|president|Q813
KH||Kingdom of Cambodia|Cambodian;Khmer|prime minister|Q424
KI|||I-Kiribati||
KM|||Comorian|president|
KN|Saint Kitts and Nevis|St Kitts and Nevis|Kittitian;Nevisian||
KP||DPRK;D.P.R.K.|North Korean|supreme leader|Q423
KR||Republic of Korea;ROK;R.O.K.;Korea|South Korean;Korean|president|Q884
KW||State of Kuwait|Kuwaiti|monarch|Q817
KZ||Republic of Kazakhstan|Kazakh;Kazakhstani|president|Q232
LA|||Lao;Laotian|prime minister|Q819
LB||Lebanese Republic|Lebanese|prime minister|Q822
LC|Saint Lucia|St Lucia|Saint Lucian;St Lucian||
LI||Principality of Liechtenstein|Liechtensteiner||Q347
LK||Ceylon|Sri Lankan|president|Q854
LR|||Liberian|president|
LS|||Basotho;Mosotho|prime minister|
LT||Republic of Lithuania|Lithuanian|president|Q37
LU||Grand Duchy of Luxembourg|Luxembourgish;Luxembourger|prime minister|Q32
LV||Republic of Latvia|Latvian;Lett|president|Q211
LY||State of Libya|Libyan|prime minister|Q1016
MA||Kingdom of Morocco|Moroccan|monarch|Q1028
MC||Principality of Monaco|Monegasque;Monacan||Q235
MD|||Moldovan|president|Q217
ME||Crna Gora|Montenegrin|prime minister|Q236
MG|||Malagasy|president|
MH|||Marshallese||
MK|North Macedonia|Macedonia;Republic of North Macedonia;FYROM|Macedonian;North Macedonian|prime minister|Q221
ML||Republic of Mali|Malian|president|Q912
MM||Burma|Myanmar;Burmese||Q836
MN|||Mongolian|president|Q711
MR|||Mauritanian|president|
MT||Republic of Malta|Maltese|prime minister|Q233
MU|||Mauritian|prime minister|
MV|||Maldivian|president|
MW|||Malawian|president|
MX||United Mexican States;México|Mexican|president|Q96
MY|||Malaysian|prime minister|Q833
MZ|||Mozambican|president|Q1029
NA|||Namibian|president|
NE||Republic of the Niger|Nigerien|president|Q1032
NG||Federal Republic of Nigeria|Nigerian|president|Q1033
NI|||Nicaraguan|president|
NL||the Netherlands;Holland|Dutch;Netherlander|prime minister|Q55
NO||Kingdom of Norway;Norge|Norwegian|prime minister|Q20
NP|||Nepali;Nepalese|prime minister|Q837
NR|||Nauruan||
NZ||Aotearoa|New Zealander;Kiwi|prime minister|Q664
OM||Sultanate of Oman|Omani|monarch|Q842
PA|||Panamanian|president|
PE||Republic of Peru|Peruvian|president|Q419
PG|||Papua New Guinean|prime minister|
PH||Republic of the Philippines;the Philippines|Filipino;Philippine|president|Q928
PK||Islamic Republic of Pakistan|Pakistani|prime minister|Q843
PL||Republic of Poland;Polska|Polish;Pole|prime minister|Q36
PS|Palestine|State of Palestine;Palestinian territories;Palestinian Authority|Palestinian|president|
PT||Portuguese Republic|Portuguese|prime minister|Q45
PW|||Palauan||
PY|||Paraguayan|president|Q733
QA||State of Qatar|Qatari|monarch|Q846
RO|||Romanian|president|Q218
RS||Republic of Serbia;Srbija|Serbian;Serb|president|Q403
RU|Russia|Russian Federation;Rossiya;RF|Russian|president|Q159
RW|||Rwandan|president|Q1037
SA||Kingdom of Saudi Arabia;KSA;Saudi|Saudi;Saudi Arabian|crown prince|Q851
SB|||Solomon Islander||
SC|||Seychellois||
SD||Republic of the Sudan;the Sudan|Sudanese||Q1049
SE||Kingdom of Sweden;Sverige|Swedish;Swede|prime minister|Q34
SG||Republic of Singapore|Singaporean|prime minister|Q334
SI||Republic of Slovenia|Slovenian;Slovene|prime minister|Q215
SK||Slovak Republic|Slovak;Slovakian|prime minister|Q214
SL|||Sierra Leonean|president|
SM||Republic of San Marino|Sammarinese||Q238
SN||Republic of Senegal|Senegalese|president|Q1041
SO||Federal Republic of Somalia|Somali|president|Q1045
SR|||Surinamese|president|
SS||Republic of South Sudan|South Sudanese|president|Q958
ST|São Tomé and Príncipe|Sao Tome and Principe|Santomean||
SV|||Salvadoran;Salvadorian|president|
SY||Syrian Arab Republic|Syrian|president|Q858
SZ|Eswatini|Swaziland;Kingdom of Eswatini|Swazi;Eswatini||
TD||Republic of Chad|Chadian|president|Q657
TG|||Togolese|president|
TH||Kingdom of Thailand;Siam|Thai|prime minister|Q869
TJ||Republic of Tajikistan|Tajik;Tajikistani|president|Q863
TL|Timor-Leste|East Timor|Timorese||
TM|||Turkmen|president|Q874
TN||Republic of Tunisia|Tunisian|president|Q948
TO|||Tongan||
TR|Türkiye|Turkey;Republic of Türkiye;Republic of Turkey;Turkiye|Turkish;Turk|president|Q43
TT|||Trinidadian;Tobagonian||
TV|||Tuvaluan||
TW||Republic of China;ROC;R.O.C.;Chinese Taipei|Taiwanese|president|Q865
TZ|||Tanzanian|president|Q924
UA||Ukraina;the Ukraine|Ukrainian|president|Q212
UG||Republic of Uganda|Ugandan|president|Q1036
US|United States|US;U.S.;USA;U.S.A.;United States of America;the United States;America;the States|American|president|Q30
UY||Oriental Republic of Uruguay|Uruguayan|president|Q77
UZ||Republic of Uzbekistan|Uzbek;Uzbekistani|president|Q265
VA|Vatican City|Holy See;the Vatican;Vatican;Vatican City State|Vatican|pope|Q237
VC|Saint Vincent and the Grenadines|St Vincent and the Grenadines|Vincentian||
VE|||Venezuelan|president|Q717
VN|||Vietnamese||Q881
VU|||Ni-Vanuatu||
WS|||Samoan||
YE||Republic of Yemen|Yemeni|president|Q805
ZA||Republic of South Africa;RSA|South African|president|Q258
ZM||Republic of Zambia|Zambian|president|Q953
ZW||Republic of Zimbabwe|Zimbabwean|president|Q954
"""

TERRITORIES = set("""AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL
GP GS GU HK HM IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC
TF TK UM VG VI WF YT""".split())


def split(field):
    return [x for x in field.split(";") if x] if field else []


def main():
    extra = {}
    for line in EXTRA.strip().splitlines():
        parts = line.split("|")
        assert len(parts) == 6, line
        extra[parts[0]] = parts[1:]
    with open(ISO_PATH, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    entries = [dict(e) for e in iso]
    entries.append({"alpha_2": "XK", "alpha_3": "XKX", "name": "Kosovo",
                    "official_name": "Republic of Kosovo"})
    out = sys.stdout
    out.write("# Countries and territories: ISO 3166-1 (Debian iso-codes) "
              "plus hand-written short names and demonyms.\n")
    out.write("# Generated by data/kb/make_countries.py; edit EXTRA there "
              "and re-run.\n")
    out.write(json.dumps({"meta": {
        "as_of": AS_OF,
        "description": "countries: ISO 3166-1 from Debian iso-codes, "
                       "names and demonyms by the dossier authors"}},
        ensure_ascii=False) + "\n")
    for e in sorted(entries, key=lambda e: e["alpha_2"]):
        code = e["alpha_2"]
        name, aliases, demonyms, leader, qid = extra.get(code, [""] * 5)
        iso_name = e["name"]
        canonical = name or e.get("common_name") or iso_name
        alias_list = []
        for a in [iso_name, e.get("common_name"), e.get("official_name")] + \
                split(aliases):
            if a and a != canonical and a not in alias_list:
                alias_list.append(a)
        rec = {"id": "country:" + code.lower()}
        if qid:
            rec["wikidata"] = qid
        rec.update({"name": canonical, "type": "LOC",
                    "kind": "territory" if code in TERRITORIES else "country",
                    "iso3166": code, "country": code})
        if alias_list:
            rec["aliases"] = alias_list
        if split(demonyms):
            rec["demonyms"] = split(demonyms)
        if leader:
            rec["leader"] = leader
        if code == "XK":
            rec["note"] = "XK is a user-assigned code, not part of ISO 3166-1"
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
