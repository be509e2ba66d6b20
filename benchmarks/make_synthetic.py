"""Generate a synthetic briefing: N articles of realistic prose, ~20 claims each, shared events.

    .venv/bin/python benchmarks/make_synthetic.py OUT_DIR [--articles 1000] [--claims 20]

The text is built from sentence templates over the vocabulary of the bundled briefing (actors,
places, events, figures written the way the real sources write them: "1,960", "1 900",
"$3,8 billion", "some 7,000"), so tokenisation, anchoring and indexing do realistic work.
Every claim quotes one whole sentence that occurs exactly once in its article (the generator
checks), and figures share quantity keys across articles, so some agree and some disagree.
Deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ACTORS = ["Armenia", "Azerbaijan", "Russia", "the European Union", "Türkiye", "Iran",
          "the United States", "France", "the CSTO", "Georgia", "Kazakhstan", "Belarus",
          "the OSCE Minsk Group", "Baku", "Yerevan", "Moscow", "Brussels", "Ankara"]
PEOPLE = ["Nikol Pashinyan", "Ilham Aliyev", "Vladimir Putin", "Sergey Lavrov",
          "Charles Michel", "Emmanuel Macron", "Josep Borrell", "Maria Zakharova",
          "Anatoly Sidorov", "Armen Grigoryan", "Nancy Pelosi", "Antony Blinken"]
PLACES = ["Nagorno-Karabakh", "the Lachin corridor", "Syunik", "Jermuk", "Goris", "Kapan",
          "Nakhchivan", "the Zangezur corridor", "Stepanakert", "the South Caucasus",
          "the border zone", "Vardenis", "Sotk", "the Caspian Sea"]
NOUNS = ["ceasefire", "peace treaty", "monitoring mission", "blockade", "checkpoint",
         "military base", "security guarantee", "alliance", "offensive", "incursion",
         "gas deal", "railway", "summit", "declaration", "mandate", "delegation",
         "peacekeeping contingent", "humanitarian crisis", "border demarcation", "corridor"]
VERBS = ["announced", "rejected", "demanded", "signed", "criticised", "welcomed", "proposed",
         "postponed", "condemned", "negotiated", "questioned", "extended", "suspended",
         "accepted", "ignored", "denounced", "endorsed", "delayed"]
ADJ = ["fragile", "unprecedented", "tacit", "long-term", "temporary", "bilateral",
       "so-called", "renewed", "limited", "decisive", "controversial", "symbolic", "tepid",
       "strategic", "humanitarian", "geopolitical", "unilateral", "credible"]
UNITS = ["troops", "observers", "staff", "refugees", "soldiers", "vehicles", "civilians",
         "kilometers", "days", "people"]
QUANTITIES = [f"q{n:03d}" for n in range(300)]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
HEADINGS = ["Background", "The security dilemma", "Reactions in Moscow", "The view from Baku",
            "What the European Union wants", "An uncertain peace", "Economic levers",
            "Conclusion", "The humanitarian situation", "Regional rivalries"]


def written(value: int, rng: random.Random) -> str:
    """A figure written one of the ways the real sources write them."""
    style = rng.randrange(5)
    if style == 0 or value < 1000:
        return str(value)
    if style == 1:
        return f"{value:,}"
    if style == 2:
        return f"{value:,}".replace(",", " ")
    if style == 3:
        return f"some {value:,}"
    return f"around {value:,}"


def sentence(rng: random.Random, serial: int) -> tuple[str, dict | None]:
    """One sentence and, for figure sentences, the figure it states."""
    kind = rng.randrange(6)
    a, b = rng.sample(ACTORS, 2)
    p = rng.choice(PEOPLE)
    place = rng.choice(PLACES)
    noun = rng.choice(NOUNS)
    adj = rng.choice(ADJ)
    verb = rng.choice(VERBS)
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(1991, 2023)
    # The serial number makes every sentence unique, the way real sentences nearly always are.
    if kind == 0:
        q = rng.choice(QUANTITIES)
        value = rng.choice([100, 1960, 1900, 3000, 7000, 120000, 40, 300, 7600, 150])
        value = value if rng.random() < 0.7 else value + rng.randint(1, 99)
        unit = rng.choice(UNITS)
        text = written(value, rng)
        s = (f"According to {p}, {a} deployed {text} {unit} to {place} under a {adj} {noun} "
             f"(report {serial}).")
        return s, {"quantity": q, "value": value, "unit": unit, "text": text,
                   "approx": text.startswith(("some", "around"))}
    if kind == 1:
        return (f"On {day} {month} {year}, {a} {verb} the {adj} {noun} proposed by {b}, "
                f"a move that analysts in {place} saw as a turning point ({serial})."), None
    if kind == 2:
        return (f"\u201cWe will not accept a {adj} {noun} imposed on {place},\u201d {p} said "
                f"in remarks number {serial}, addressing {a} and {b}."), None
    if kind == 3:
        return (f"The {noun} in {place} remains {adj}, and {a} has {verb} every attempt by "
                f"{b} to change the status quo since {year} (note {serial})."), None
    if kind == 4:
        return (f"Observers in {place} reported that {a} and {b} {verb} a {adj} {noun} after "
                f"weeks of talks mediated by {p}, episode {serial}."), None
    return (f"For {a}, the {adj} {noun} is less a question of law than of power, and "
            f"{p} has {verb} it repeatedly in {place}, case {serial}."), None


def yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_briefing(out: Path, n_articles: int, claims_per_article: int, seed: int,
                   n_events: int = 200) -> dict[str, int]:
    rng = random.Random(seed)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    (out / "claims").mkdir(parents=True, exist_ok=True)
    (out / "briefing.yaml").write_text(
        "title: Synthetic briefing\ndescription: Generated by benchmarks/make_synthetic.py\n"
        "questions:\n  - Does it scale?\n", encoding="utf-8")
    events = []
    for e in range(n_events):
        year, month = rng.randint(1991, 2023), rng.randint(1, 12)
        events.append(f"- id: event-{e:03d}\n  title: Synthetic event {e}\n"
                      f"  date: {year}-{month:02d}\n  summary: A generated event.\n"
                      f"  actors: [{rng.choice(ACTORS)}]\n")
    (out / "events.yaml").write_text("".join(events), encoding="utf-8")
    serial = 0
    totals = {"articles": 0, "claims": 0, "paragraphs": 0, "bytes": 0}
    for n in range(n_articles):
        aid = f"synthetic-{n:04d}"
        sections: list[tuple[str | None, list[list[tuple[str, dict | None]]]]] = []
        for s_i in range(rng.randint(3, 5)):
            heading = None if s_i == 0 else rng.choice(HEADINGS)
            paras = []
            for _ in range(rng.randint(3, 5)):
                para = []
                for _ in range(rng.randint(3, 6)):
                    serial += 1
                    para.append(sentence(rng, serial))
                paras.append(para)
            sections.append((heading, paras))
        body = []
        all_sentences: list[tuple[str, dict | None]] = []
        for heading, paras in sections:
            if heading:
                body.append(f"## {heading}\n")
            for para in paras:
                body.append(" ".join(s for s, _ in para) + "\n")
                all_sentences.extend(para)
                totals["paragraphs"] += 1
        text = "\n".join(body)
        year = rng.randint(2020, 2023)
        front = (f"---\nid: {aid}\ntitle: {yaml_str('Synthetic analysis ' + str(n))}\n"
                 f"authors: [{yaml_str(rng.choice(PEOPLE))}]\noutlet: null\n"
                 f"published: {year}-{rng.randint(1, 12):02d}\nlanguage: en\ngenre: analysis\n"
                 f"translator: null\nsource_file: null\nurl: null\n---\n\n")
        content = front + text
        (out / "articles" / f"{aid}.md").write_text(content, encoding="utf-8")
        totals["bytes"] += len(content.encode())
        picked = rng.sample(all_sentences, min(claims_per_article, len(all_sentences)))
        claims = []
        for c, (s, figure) in enumerate(picked, start=1):
            assert text.count(s) == 1, s  # a claim's quote occurs once in its article
            lines = [f"- id: {aid}-{c:02d}", f"  quote: {yaml_str(s)}",
                     f"  events: [event-{rng.randrange(n_events):03d}]",
                     f"  kind: {'figure' if figure else rng.choice(['fact', 'assessment'])}",
                     "  speaker: author"]
            if figure:
                lines.append("  figures:")
                lines.append(
                    f"    - {{quantity: {figure['quantity']}, value: {figure['value']}, "
                    f"unit: {figure['unit']}, text: {yaml_str(figure['text'])}"
                    f"{', approx: true' if figure['approx'] else ''}}}")
            claims.append("\n".join(lines) + "\n")
        (out / "claims" / f"{aid}.yaml").write_text("\n".join(claims), encoding="utf-8")
        totals["articles"] += 1
        totals["claims"] += len(claims)
    return totals


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--claims", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        print(f"{args.out} is not empty; give a new directory", file=sys.stderr)
        return 2
    totals = write_briefing(args.out, args.articles, args.claims, args.seed)
    print(", ".join(f"{v:,} {k}" for k, v in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
