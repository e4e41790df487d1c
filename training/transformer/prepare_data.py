#!/usr/bin/env python3
"""Builds the licensed training table for the toxicity transformer from ../shared/data (stdlib only).

Output: models/toxicity-transformer/data/toxicity_train.csv.gz with columns
    uid, source, split, text, toxicity, severe_toxicity, obscene, threat, insult, identity_attack
A label is 1, 0, or -1 (= unknown for that source; masked out of the loss and the metrics).
split is train / val / test, assigned by a hash of the normalised text, so the split is stable across reruns
and identical texts from two sources never straddle splits.

Only CC0 / MIT / Apache-2.0 sources are read (see data/SOURCE.md):
  jigsaw-toxic-2018-train (CC0)        all six labels
  davidson-hate-offensive (MIT)        toxicity; identity_attack for hate / neither; other labels unknown
  toxic-spans-civil-comments (CC0)     toxicity = 1 (every post in that set was rated toxic); others unknown
  context-toxicity-cat (Apache-2.0)    toxicity (out-of-context label); others unknown
Two derived sets (documented in data/SOURCE.md):
  civil_clean      sentences of toxic-spans posts that contain no annotated toxic span (>= 6 words), labelled
                   toxicity = 0 (others unknown). Without them every Civil Comments (news-site) text in the table
                   is toxic and the model learns "news register = toxic". Split follows the parent post.
                   Since 1.1 also passages (2-6 consecutive clean sentences of one post, joined), so that long
                   political posts are not toxic by their length and vocabulary alone.
  public_figures   civil but sharp criticism of named politicians and institutions, written for this repository,
                   labelled all-0 (see PUBLIC_CIVIL below). Always in the train split.
  identity_templates  sentences written for this repository (templates x identity terms, see IDENTITY_* below):
                   neutral mentions labelled all-0, hateful ones toxicity = identity_attack = 1. This is the
                   Dixon et al. (2018) counter-bias augmentation. The templates are deliberately NOT the
                   bias-madlibs ones, which stay evaluation-only. Always in the train split.
Kaggle insults, OLID, SMS spam and SemEval are never read here.

Usage: python3 training/transformer/prepare_data.py [--shared ../shared/data] [--out models/toxicity-transformer/data]
"""
import argparse
import csv
import gzip
import hashlib
import io
import json
import os
import random
import re
import sys

LABELS = ["toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack"]
U = -1
csv.field_size_limit(10 ** 9)


def norm_key(text):
    return re.sub(r"\s+", " ", text.strip().lower())


def split_of(text):
    # 80 / 10 / 10 by a stable hash of the normalised text.
    h = int(hashlib.sha1(norm_key(text).encode("utf-8")).hexdigest()[:8], 16) % 100
    return "train" if h < 80 else ("val" if h < 90 else "test")


IDENTITY_TERMS = ["lesbian", "gay", "bisexual", "transgender", "trans", "queer", "lgbt", "lgbtq", "homosexual",
                  "straight", "heterosexual", "male", "female", "nonbinary", "african", "african american", "black",
                  "white", "european", "hispanic", "latino", "latina", "latinx", "mexican", "canadian", "american",
                  "asian", "indian", "middle eastern", "chinese", "japanese", "christian", "muslim", "jewish",
                  "buddhist", "catholic", "protestant", "sikh", "taoist", "old", "older", "young", "younger",
                  "teenage", "millenial", "middle aged", "elderly", "blind", "deaf", "paralyzed"]
IDENTITY_NEUTRAL = [
    "My neighbour is {t} and works night shifts at the hospital downtown.",
    "The article interviewed several {t} residents about the new bus routes.",
    "As a {t} reader, I found this piece about housing prices really informative.",
    "The {t} community centre is hosting a food drive this weekend.",
    "{T} voters turned out in large numbers in the last election.",
    "I grew up with {t} neighbours and we still keep in touch.",
    "The museum opened an exhibition on {t} history and culture.",
    "Is there any data on how many {t} students enrolled this year?",
    "Our {t} coworker organised the charity run last month.",
    "She describes herself as {t} and writes about city politics.",
    "There are many {t} doctors, teachers and engineers in this town.",
    "The report says {t} families were hit hardest by the rent increases.",
    "{T} people deserve the same rights and respect as anyone else.",
    "I'm {t} and I agree with most of what the author wrote.",
    "My best friend is {t}; we met at university.",
    "The new council member is {t}, which the paper mentioned only briefly.",
    "A {t} author won the regional book prize this year.",
    "We should listen to {t} voices when making these decisions.",
    "The {t} couple next door invited us to their wedding.",
    "He told me he is {t} and proud of it.",
    "The survey asked {t} respondents about public transport.",
    "My grandmother was {t} and she taught me to cook.",
    "Several {t} business owners spoke at the town hall meeting.",
    "The documentary follows a {t} family through one school year.",
    "As someone who is {t}, I think the proposal is reasonable.",
    "The clinic offers support groups for {t} patients and their families.",
    "Our team has {t} players and nobody cares, we just play football.",
    "The {t} choir sang beautifully at the festival.",
    "I married a {t} man and we have two kids.",
    "The school added books by {t} writers to the reading list.",
    # The term used as a noun ("a gay", "a deaf"): in the source data that use is mostly in slurs, so the
    # model otherwise learns that the noun form itself is an insult.
    "My cousin is a {t} and a retired firefighter.",
    "I'm a {t} and I vote in every local election.",
    "As a {t}, I support the new library plan.",
    "Our coach is a {t} who grew up on a farm.",
    "{N} is a {t} and volunteers at the animal shelter on weekends.",
    "The author is a {t} living in Chicago.",
    "She's a proud {t} and a devoted mother.",
    "He is a {t} and a talented carpenter.",
    "Growing up as a {t} in a small town taught me patience.",
    "Ask a {t} what they think before writing about them.",
    "The winner of the baking contest was a {t} from the east side.",
    "Every {t} I know pays taxes like everyone else.",
    "My doctor is a {t} and she is brilliant.",
    "I'm {t}.",
    "{T} and proud.",
    # Noun use with a kind adjective in front ("a cheerful gay"): v1.0 flagged it as an insult. Written for this
    # repository in several sentence shapes, not copied from any evaluation set.
    "My uncle, a cheerful {t} from Ohio, fixed our roof for free.",
    "She is a brave {t} and a wonderful teacher.",
    "{N} is a generous {t} who runs the bakery on Main Street.",
    "Meeting a friendly {t} at the conference changed my mind about a lot of things.",
    "He's a thoughtful {t}, and his column on zoning was the best thing in the paper.",
    "Our mayor is a hardworking {t} and people on both sides respect her.",
]
# Civil political talk: v1.0 scored "The Country that got conned by their own politicians and banks Mr. Trump.
# Who's fault is that now?" at 0.98, because every Civil Comments post in the table is toxic and political
# names and complaints about politicians are frequent there. These sentences, written for this repository, are
# sharp but civil criticism of public figures and institutions, labelled non-toxic.
PUBLIC_FIGURES = ["Trump", "Obama", "Biden", "Clinton", "Xi Jinping", "Putin", "Trudeau", "Pelosi", "McConnell",
                  "Macron", "Merkel", "Mnuchin", "the President", "the senator", "the governor", "Congress",
                  "the Fed", "the prime minister"]
PUBLIC_CIVIL = [
    "{P} got this one wrong, and the trade numbers will show it by next year.",
    "I don't trust {P} on tariffs; the last round hurt farmers in my county.",
    "Who is to blame for the deficit now? {P} promised to cut it and it keeps growing.",
    "{P} and the big banks have let ordinary savers down again.",
    "Say what you want about {P}, the deal with China is still not signed.",
    "The country was conned by its own politicians, and {P} is no exception.",
    "{P} keeps saying the economy is booming, but wages here have not moved in years.",
    "I voted for {P} and I regret it after this budget.",
    "Honestly {P} should resign over this scandal.",
    "{P} is completely out of touch with working people.",
    "Nobody in Washington, {P} included, wants to talk about the debt.",
    "{P} was right about the steel dumping, whatever you think of the rest.",
    "Look at what {P} actually signed, not what the press release says.",
    "This is the worst economic policy since the seventies, and {P} owns it.",
    "{P} has no idea how supply chains work, and it shows.",
    "Mr. {P2}, who is going to pay for these tariffs? We are.",
]


def public_figure_sentences():
    out = []
    for i, tpl in enumerate(PUBLIC_CIVIL):
        for j, p in enumerate(PUBLIC_FIGURES):
            if (i + j) % 3:  # a third of the grid is enough variety and keeps the table balanced
                continue
            text = tpl.replace("{P2}", p.split()[-1].capitalize()).replace("{P}", p)
            out.append((f"pub-{i}-{j}", text[:1].upper() + text[1:], [0, 0, 0, 0, 0, 0]))
    return out
NAMES = ["Maria", "Ahmed", "Wei", "Olu", "Sam", "Priya", "Jonas", "Keiko", "Dmitri", "Fatima"]
IDENTITY_HATEFUL = [
    ("{T} people are disgusting and should go back where they came from.", 0),
    ("I can't stand {t} people, they ruin everything they touch.", 0),
    ("All {t} people are subhuman trash.", 0),
    ("Get these filthy {t} people out of our country.", 0),
    ("Somebody should shoot every {t} person in this town.", 1),
    ("No one wants your kind here, you disgusting {t} freak.", 0),
    ("{T} people are a disease on society.", 0),
    ("I'd happily burn down the house of any {t} family on my street.", 1),
    ("Stupid {t} idiots like you should shut up and die.", 1),
    ("Every {t} person is a liar and a thief.", 0),
    ("You're a filthy {t} and nobody wants you here.", 0),
    ("Shut up, you worthless {t}.", 0),
    ("Another lying {t} ruining this country, deport them all.", 0),
]


def identity_templates():
    out = []
    for t in IDENTITY_TERMS:
        for i, tpl in enumerate(IDENTITY_NEUTRAL):
            name = NAMES[(i + IDENTITY_TERMS.index(t)) % len(NAMES)]
            out.append((f"idn-{t}-{i}", tpl.replace("{t}", t).replace("{T}", t[:1].upper() + t[1:]).replace("{N}", name),
                        [0, 0, 0, 0, 0, 0]))
        for i, (tpl, threat) in enumerate(IDENTITY_HATEFUL):
            out.append((f"idh-{t}-{i}", tpl.replace("{t}", t).replace("{T}", t[:1].upper() + t[1:]),
                        [1, U, U, threat if threat else U, U, 1]))
    return out


# Span annotations are incomplete ("The Lefties are so stupid ..." often has no span), so a sentence that still
# contains a profanity-list word (badwords-list, MIT) or a common insult is not used as a negative.
INSULTS = {"stupid", "idiot", "idiots", "idiotic", "moron", "morons", "moronic", "dumb", "fool", "fools", "foolish",
           "loser", "losers", "pos", "scum", "pathetic", "ignorant", "liar", "liars", "lying", "clown", "clowns",
           "crap", "hell", "damn", "shut", "racist", "racists", "bigot", "bigots", "hate", "kill", "die", "trash",
           "garbage", "disgusting", "traitor", "traitors", "thug", "thugs", "sick", "evil", "coward", "cowards",
           "imbecile", "imbeciles", "ignorance", "hypocrite", "hypocrites", "nut", "nuts", "nutjob", "lunatic",
           "lunatics", "insane", "crazy", "retard", "retarded", "ugly", "filth", "filthy", "vile", "sucks", "suck",
           "jerk", "jerks", "dope", "dopes", "dimwit", "halfwit", "nitwit", "buffoon", "buffoons", "stooge", "pig",
           "pigs", "rat", "rats", "snake", "vermin", "parasite", "parasites", "savage", "savages", "animals"}
LEXICON = set()


def load_lexicon(shared):
    path = os.path.join(shared, "profanity-lists", "badwords-list-1.0.0_en.txt")
    with open(path, encoding="utf-8") as f:
        LEXICON.update(w.strip().lower() for w in f if w.strip())
    LEXICON.update(INSULTS)


def clean_sentences(text, spans, min_words=6):
    """Sentences of a toxic-spans post that overlap no annotated toxic character and hold no lexicon word."""
    return [sent for _, sent in clean_sentence_runs(text, spans, min_words)]


def clean_sentence_runs(text, spans, min_words=6):
    """(index, sentence) of the clean sentences of a post, index = position among all its sentences."""
    bad = set(spans)
    out = []
    for k, m in enumerate(re.finditer(r"[^.!?\n]+[.!?]*", text)):
        s, e = m.start(), m.end()
        sent = m.group(0).strip()
        if len(sent.split()) < min_words or any(i in bad for i in range(s, e)):
            continue
        if any(w in LEXICON for w in re.findall(r"[a-z0-9$@]+", sent.lower())):
            continue
        out.append((k, sent))
    return out


def clean_passages(text, spans, min_sentences=2, max_sentences=6):
    """Runs of consecutive clean sentences joined back into passages: long, news-register negatives, so that
    length and political vocabulary alone do not read as toxic (v1.0 had only single clean sentences)."""
    runs, cur, last = [], [], None
    for k, sent in clean_sentence_runs(text, spans, min_words=4):
        if last is not None and k != last + 1:
            runs.append(cur)
            cur = []
        cur.append(sent)
        last = k
    if cur:
        runs.append(cur)
    return [" ".join(r[:max_sentences]) for r in runs if len(r) >= min_sentences]


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.abspath(os.path.join(here, "..", ".."))
    ap.add_argument("--shared", default=os.path.join(repo, "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(repo, "models", "toxicity-transformer", "data"))
    ap.add_argument("--davidson-offensive", type=int, default=4000,
                    help="how many 'offensive' tweets to keep (the class is 77%% of Davidson and very repetitive)")
    args = ap.parse_args()
    d = args.shared
    load_lexicon(d)
    rows = []

    for r in read(os.path.join(d, "jigsaw-toxic-2018-train", "train.csv")):
        rows.append(("jigsaw", r["id"], r["comment_text"],
                     [int(r["toxic"]), int(r["severe_toxic"]), int(r["obscene"]), int(r["threat"]),
                      int(r["insult"]), int(r["identity_hate"])]))

    dav = read(os.path.join(d, "davidson-hate-offensive", "data_labeled_data.csv"))
    rng = random.Random(20261122)
    offensive = [r for r in dav if r["class"] == "1"]
    rng.shuffle(offensive)
    keep_off = {id(r) for r in offensive[: args.davidson_offensive]}
    for r in dav:
        c = r["class"]
        if c == "1" and id(r) not in keep_off:
            continue
        text = r["tweet"].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&#8220;", "\u201c").replace("&#8221;", "\u201d")
        if c == "0":
            labels = [1, U, U, U, U, 1]
        elif c == "1":
            labels = [1, U, U, U, U, 0]
        else:
            labels = [0, 0, 0, 0, 0, 0]
        rows.append(("davidson", "dav-" + r[""], text, labels))

    forced_split = {}
    for part in ("train", "test"):
        for i, r in enumerate(read(os.path.join(d, "toxic-spans-civil-comments", f"SemEval2021_data_tsd_{part}.csv"))):
            rows.append(("civil_spans", f"tsd-{part}-{i}", r["text"], [1, U, U, U, U, U]))
            spans = json.loads(r["spans"])
            if spans:  # a post without spans gives no evidence about which part was fine
                for j, sent in enumerate(clean_sentences(r["text"], spans)[:2]):
                    rows.append(("civil_clean", f"tsd-{part}-{i}-s{j}", sent, [0, U, U, U, U, U]))
                    forced_split[f"tsd-{part}-{i}-s{j}"] = split_of(r["text"])
                for j, passage in enumerate(clean_passages(r["text"], spans)):
                    rows.append(("civil_clean", f"tsd-{part}-{i}-p{j}", passage, [0, U, U, U, U, U]))
                    forced_split[f"tsd-{part}-{i}-p{j}"] = split_of(r["text"])

    for part in ("gc", "gn"):
        for r in read(os.path.join(d, "context-toxicity-cat", f"CAT_LARGE_{part}.csv")):
            rows.append(("cat", f"cat-{part}-{r['id']}", r["text"], [int(r["label"]), U, U, U, U, U]))
    for i, r in enumerate(read(os.path.join(d, "context-toxicity-cat", "CAT_SMALL_cat_small.csv"))):
        rows.append(("cat", f"cat-small-{i}", r["text"], [int(r["label_oc"]), U, U, U, U, U]))

    for uid, text, labels in identity_templates() + public_figure_sentences():
        rows.append(("identity_templates" if uid.startswith("id") else "public_figures", uid, text, labels))
        forced_split[uid] = "train"  # identity and public-figure templates

    # De-duplicate on normalised text; a conflicting duplicate keeps the first (Jigsaw > Davidson > spans > CAT).
    seen = set()
    out = []
    for src, uid, text, labels in rows:
        if not text or not text.strip():
            continue
        k = norm_key(text)
        if k in seen:
            continue
        seen.add(k)
        out.append((uid, src, forced_split.get(uid) or split_of(text), text, labels))

    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "toxicity_train.csv.gz")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["uid", "source", "split", "text"] + LABELS)
    for uid, src, split, text, labels in out:
        w.writerow([uid, src, split, text] + labels)
    # mtime=0 keeps the gzip byte-identical across reruns.
    with open(path, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0) as g:
            g.write(buf.getvalue().encode("utf-8"))

    from collections import Counter
    c = Counter((o[1], o[2]) for o in out)
    for k in sorted(c):
        print(k, c[k], file=sys.stderr)
    print("rows", len(out), "->", path, os.path.getsize(path), "bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
