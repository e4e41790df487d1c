#!/usr/bin/env python3
"""Writes the fixtures that prove the Java WordPiece tokenizer matches the Hugging Face `tokenizers` one.

  tokenizer_fixtures.jsonl : {"text": ..., "ids": [...]} for tricky texts, truncated to --max-len like the model
  codepoints.tsv           : for every code point c (surrogates excluded), what the HF normalizer and
                             pre-tokenizer do with "a" + c + "b", run-length encoded:
                               start<TAB>end<TAB>KEEP | DEL | WS | SPLIT | MAP <hex> | SPLITMAP <hex>
                             (MAP: c becomes the hex-encoded UTF-32 string inside the word;
                              SPLIT: c becomes a word of its own (punctuation, CJK); WS: a word boundary;
                              DEL: removed). Single code points only: sequences are covered by the texts.

Usage: python3 make_tokenizer_fixtures.py tokenizer.json OUTDIR [--max-len 256]
"""
import json
import random
import sys

from tokenizers import Tokenizer


def main():
    path, out = sys.argv[1], sys.argv[2]
    max_len = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--max-len" else 256
    tok = Tokenizer.from_file(path)
    tok.no_padding()
    tok.enable_truncation(max_len)
    norm = tok.normalizer
    pre = tok.pre_tokenizer

    rows = []
    prev = None
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        n = norm.normalize_str("a" + c + "b")
        assert n.startswith("a") and n.endswith("b"), (hex(cp), n)
        mid = n[1:-1]
        pieces = [p for p, _ in pre.pre_tokenize_str(n)]
        if mid == "":
            kind = "DEL"
        elif pieces == ["a" + mid + "b"]:
            kind = "KEEP" if mid == c else "MAP " + "".join(f"{ord(x):06x}" for x in mid)
        elif pieces == ["a", "b"]:
            kind = "WS"
        elif len(pieces) == 3 and pieces[0] == "a" and pieces[2] == "b" and pieces[1] == mid.strip():
            kind = "SPLIT" if pieces[1] == c else "SPLITMAP " + "".join(f"{ord(x):06x}" for x in pieces[1])
        else:
            kind = "OTHER " + json.dumps(pieces)
        if prev is not None and prev[2] == kind and prev[1] == cp - 1 and not kind.startswith(("MAP", "SPLITMAP", "OTHER")):
            prev[1] = cp
        else:
            if prev is not None:
                rows.append(prev)
            prev = [cp, cp, kind]
    rows.append(prev)
    with open(f"{out}/codepoints.tsv", "w") as f:
        for s, e, k in rows:
            f.write(f"{s:x}\t{e:x}\t{k}\n")

    texts = [
        "", " ", "\t\n\r ", "Hello, world!", "You're an IDIOT!!! Go away...", "f*ck th1s $h!t, you @$$hole",
        "Café naïve façade Ångström résumé coöperate", "İstanbul ıi Straße ǅemal ΟΔΥΣΣΕΥΣ σς", "Привет, как дела? Ёжик",
        "我爱北京天安门 東京タワー 한국어 안녕하세요 こんにちは世界", "中文English混合123", "𠀀𠀁 𪜀 (CJK ext B/C)",
        "😀👍🏽 👨‍👩‍👧 ❤️ 🥰 🥲 🫠 🩷 🇺🇸", "smile😀inside", "zero\u200bwidth\u200djoiner\ufeffbom",
        "nbsp\u00a0here\u2009thin\u3000ideographic\u2028line\u2029para\u0085nel", "ctrl\u0000nul\u0001\u0007bell\u001b[0m\ufffdrep",
        "e\u0301 a\u0308 n\u0303 \u0041\u030a combining", "ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ！", "𝐁𝐨𝐥𝐝 𝕯𝖔𝖚𝖇𝖑𝖊 𝓈𝒸𝓇𝒾𝓅𝓉",
        "ﬁne ﬂow Ⅻ x² ℃ ™ © ½ № ℹ", "مرحبا بالعالم", "שלום עולם", "नमस्ते दुनिया", "สวัสดีชาวโลก", "Ελληνικά ά έ",
        "http://example.com/path?q=1&x=2 #hashtag @user", "email me: john.doe+spam@example.org",
        "don't can't won't it's O'Neil rock'n'roll", "—dash–en‐hyphen «quotes» „low“ ‘single’ …ellipsis",
        "$100 +5 <tag> a=b c^d `code` a|b ~tilde €50 £30 ¥20 ±1 ×2 ÷3 §4 ¶5 °C",
        "a" * 99, "b" * 100, "c" * 101, "supercalifragilisticexpialidocious antidisestablishmentarianism",
        "kill yourself", "I will find you and hurt you.", "Thank you for the article.",
        "\U000e0041 tag chars \U000f0000 private \ue000 use \U0010fffd", "\u0378 unassigned \u0380 \U0001fbff",
        "Ǆ ǅ ǆ Ⓐ ⓐ 🅰 ꙮ Ꭰ ꭰ", "Ⅰ ⅰ ẞ ß ᾈ ῼ", "tab\tseparated\tvalues\nnew line",
    ]
    long = ("This is a very long comment about the article that keeps going and going, with words like "
            "extraordinary, unbelievable and hypocrisy; ") * 40
    texts.append(long)
    texts.append(("word " * 300).strip())
    rng = random.Random(20261122)
    pools = [range(0x20, 0x7f), range(0xa0, 0x250), range(0x370, 0x3ff), range(0x400, 0x4ff), range(0x4e00, 0x4f00),
             range(0x3040, 0x30ff), range(0xac00, 0xac80), range(0x1f300, 0x1f6ff), range(0x1f900, 0x1faff),
             range(0x2000, 0x206f), range(0x300, 0x36f), range(0x0, 0x20), range(0xff00, 0xffef),
             range(0x1d400, 0x1d7ff), range(0x600, 0x6ff), range(0x900, 0x97f), range(0xe0000, 0xe007f)]
    for i in range(300):
        n = rng.randint(1, 120)
        chars = []
        for _ in range(n):
            if rng.random() < 0.55:
                chars.append(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ  ,.!?'"))
            else:
                chars.append(chr(rng.choice(rng.choice(pools))))
        texts.append("".join(chars))
    with open(f"{out}/tokenizer_fixtures.jsonl", "w", encoding="utf-8") as f:
        for t in texts:
            f.write(json.dumps({"text": t, "ids": tok.encode(t).ids}, ensure_ascii=True) + "\n")
    print("codepoint rows", len(rows), "texts", len(texts))


if __name__ == "__main__":
    main()
