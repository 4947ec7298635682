#!/usr/bin/env python3
"""Score factx JSONL output against the hand-written blind gold.

Usage: python score.py gold.jsonl out.jsonl [--verbose]

Gold line:   {"id", "people": [{"name", "aliases": [..], "titles": [..], "country": "PE"|null}]}
System line: {"id", "people": [{"name", "titles": [..], "country": str|null, "mentions": [..]}], ...}
(only people[].name / titles / country are used; other keys are ignored).

Person matching (per document, each gold and each system person used at most once):
  names are normalised: Unicode NFC, case-folded, whitespace collapsed, curly quotes
  straightened, a leading honorific (Mr, Mrs, Ms, Miss, Dr, Sir, Dame, Prof, Professor)
  and a trailing possessive 's removed, surrounding punctuation stripped.
  Pass 1: system name == gold name.
  Pass 2: system name == one of the gold aliases.
  Pass 3: system name and gold name have the same last token (surname) and one contains
          the other (as a substring, or all tokens of the shorter appear in the longer).
          A system name that equals an alias of some gold person is not used in pass 3.
  Passes run over the whole document in order, so exact matches are never stolen by
  looser ones.

Metrics:
  people P/R/F1          matched / system people, matched / gold people.
  people fully right     matched, same country (null == null) and the same title set after
                         title normalisation (case, whitespace, leading the/a/an, the word
                         "former", trailing punctuation).
  title links right      over gold (person, title) pairs: right when the matched system
                         person has a title equal to it or one containing the other
                         (normalised, case-insensitive).  Also reported: system titles on
                         matched people that correspond to no gold title (extra).
  person countries       over gold people with a country: right / wrong (system gives a
                         different non-null country) / missing (null or person unmatched).
                         Over gold people with null country: spurious (matched system person
                         has a country).
  spurious people        system people matching no gold person.
"""
import json
import re
import sys
import unicodedata

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor"}
ARTICLES = {"the", "a", "an"}


def _basic(s):
    s = unicodedata.normalize("NFC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().casefold()


def norm_name(s):
    s = _basic(s)
    s = re.sub(r"'s$", "", s)
    s = s.strip(" .,;:!?\"'()[]")
    toks = s.split()
    while len(toks) > 1 and toks[0].rstrip(".") in HONORIFICS:
        toks = toks[1:]
    return " ".join(toks)


def norm_title(s):
    s = _basic(s).strip(" .,;:!?\"'()[]")
    toks = s.split()
    while toks and toks[0] in ARTICLES:
        toks = toks[1:]
    toks = [t for t in toks if t != "former"]
    return " ".join(toks)


def last_tok(n):
    t = n.split()
    return t[-1] if t else ""


def contains(a, b):
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short in long_:
        return True
    lt = long_.split()
    return all(t in lt for t in short.split())


def title_match(g, s):
    return bool(g) and bool(s) and (g == s or g in s or s in g)


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{ln}: bad JSON: {e}")
            out[rec["id"]] = rec
    return out


def match_doc(gold_people, sys_people):
    """Return dict gold_index -> system_index."""
    g_names = [norm_name(p["name"]) for p in gold_people]
    g_alias = [{norm_name(a) for a in p.get("aliases", [])} for p in gold_people]
    all_alias = set().union(*g_alias) if g_alias else set()
    s_names = [norm_name(p.get("name", "")) for p in sys_people]
    m, used = {}, set()

    def run(pred):
        for gi in range(len(gold_people)):
            if gi in m:
                continue
            for si in range(len(sys_people)):
                if si not in used and s_names[si] and pred(gi, si):
                    m[gi] = si
                    used.add(si)
                    break

    run(lambda gi, si: s_names[si] == g_names[gi])
    run(lambda gi, si: s_names[si] in g_alias[gi])
    run(lambda gi, si: s_names[si] not in all_alias
        and last_tok(s_names[si]) == last_tok(g_names[gi])
        and contains(s_names[si], g_names[gi]))
    return m


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "  n/a"


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in argv or "-v" in argv
    if len(args) != 2:
        sys.exit(__doc__)
    gold, out = load(args[0]), load(args[1])

    c = dict(gold=0, sys=0, matched=0, full=0, gtitles=0, title_right=0, extra_titles=0,
             gcountry=0, c_right=0, c_wrong=0, c_missing=0, gnull=0, c_spurious=0)
    details = []
    extra_ids = sorted(set(out) - set(gold))

    for did in sorted(gold):
        gp = gold[did]["people"]
        sp = out.get(did, {}).get("people", []) or []
        m = match_doc(gp, sp)
        c["gold"] += len(gp)
        c["sys"] += len(sp)
        c["matched"] += len(m)
        notes = []
        if did not in out:
            notes.append("document missing from output")
        for gi, g in enumerate(gp):
            s = sp[m[gi]] if gi in m else None
            gts = [norm_title(t) for t in g["titles"]]
            sts = [norm_title(t) for t in (s.get("titles") or [])] if s else []
            sts = [t for t in sts if t]
            gc = (g.get("country") or None)
            sc = ((s.get("country") or None) if s else None)
            gc = gc.upper() if gc else None
            sc = sc.upper() if sc else None
            if s is None:
                notes.append(f"MISSED person {g['name']!r} (titles {g['titles']}, country {gc})")
            elif s["name"] != g["name"]:
                notes.append(f"matched {g['name']!r} <- system {s['name']!r}")
            # titles
            for gt, raw in zip(gts, g["titles"]):
                c["gtitles"] += 1
                if s is not None and any(title_match(gt, st) for st in sts):
                    c["title_right"] += 1
                elif s is not None:
                    notes.append(f"missing title {raw!r} on {g['name']!r} (system has {s.get('titles')})")
                else:
                    pass  # person missed, already reported
            if s is not None:
                for st, raw in zip(sts, [t for t in (s.get("titles") or []) if norm_title(t)]):
                    if not any(title_match(gt, st) for gt in gts):
                        c["extra_titles"] += 1
                        notes.append(f"extra title {raw!r} on {g['name']!r}")
            # country
            if gc:
                c["gcountry"] += 1
                if sc == gc:
                    c["c_right"] += 1
                elif sc:
                    c["c_wrong"] += 1
                    notes.append(f"WRONG country for {g['name']!r}: gold {gc}, system {sc}")
                else:
                    c["c_missing"] += 1
                    if s is not None:
                        notes.append(f"missing country for {g['name']!r}: gold {gc}")
            else:
                c["gnull"] += 1
                if s is not None and sc:
                    c["c_spurious"] += 1
                    notes.append(f"spurious country for {g['name']!r}: system {sc}, gold null")
            # fully right
            if s is not None and sc == gc and set(gts) == set(sts):
                c["full"] += 1
        matched_si = set(m.values())
        for si, s in enumerate(sp):
            if si not in matched_si:
                notes.append(f"SPURIOUS person {s.get('name')!r} (titles {s.get('titles')}, country {s.get('country')})")
        details.append((did, notes))

    spurious = c["sys"] - c["matched"]
    P = c["matched"] / c["sys"] if c["sys"] else 0.0
    R = c["matched"] / c["gold"] if c["gold"] else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    print(f"documents                  {len(gold)} gold, {len(set(out) & set(gold))} in output"
          + (f" (+{len(extra_ids)} ids not in gold: {extra_ids})" if extra_ids else ""))
    print(f"gold people                {c['gold']}")
    print(f"system people              {c['sys']}")
    print(f"matched                    {c['matched']}   P {pct(c['matched'], c['sys'])}  R {pct(c['matched'], c['gold'])}  F1 {100 * F:5.1f}%")
    print(f"people fully right         {c['full']} / {c['gold']}  {pct(c['full'], c['gold'])}")
    print(f"title links right          {c['title_right']} / {c['gtitles']}  {pct(c['title_right'], c['gtitles'])}"
          f"   (extra system titles on matched people: {c['extra_titles']})")
    print(f"person countries right     {c['c_right']} / {c['gcountry']}  {pct(c['c_right'], c['gcountry'])}")
    print(f"wrong countries            {c['c_wrong']} / {c['gcountry']}")
    print(f"missing countries          {c['c_missing']} / {c['gcountry']}")
    print(f"spurious countries         {c['c_spurious']} / {c['gnull']} gold people with null country")
    print(f"spurious people            {spurious}")
    if verbose:
        for did, notes in details:
            if notes:
                print(f"\n== {did}")
                for n in notes:
                    print("  " + n)


if __name__ == "__main__":
    main(sys.argv)
