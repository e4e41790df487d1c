"""Drives Commentguard with Google's own Perspective client (Debian's python3-googleapi), the way Perspective's
documentation tells Python users to: build("commentanalyzer", "v1alpha1", developerKey=KEY,
discoveryServiceUrl=...). Only the discovery URL differs from a call to Google. Prints one JSON object per line.

usage: python3 google_client.py BASE_URL INGEST_KEY
"""
import json
import sys

from googleapiclient import discovery
from googleapiclient.errors import HttpError

base, key = sys.argv[1].rstrip("/"), sys.argv[2]
discovery_url = base + "/$discovery/rest?version=v1alpha1"


def emit(case, **fields):
    print(json.dumps(dict(case=case, **fields)), flush=True)


def error_of(e):
    content = e.content.decode("utf-8") if isinstance(e.content, bytes) else e.content
    return dict(status=e.resp.status, error=json.loads(content).get("error"))


client = discovery.build("commentanalyzer", "v1alpha1", developerKey=key,
                         discoveryServiceUrl=discovery_url, cache_discovery=False)

analyze = client.comments().analyze(body={
    "comment": {"text": "You are a stupid idiot and your fucking opinion is worthless."},
    "requestedAttributes": {"TOXICITY": {}, "PROFANITY": {}, "SPAM": {}},
    "spanAnnotations": True,
    "languages": ["en"],
    "clientToken": "token-1",
})
emit("analyze", uri=analyze.uri, response=analyze.execute())

suggest = client.comments().suggestscore(body={
    "comment": {"text": "Trams beat buses, I ride one every day."},
    "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0.0}}},
    "languages": ["en"],
    "communityId": "python-client-test",
    "clientToken": "token-2",
})
emit("suggestscore", uri=suggest.uri, response=suggest.execute())

try:
    client.comments().analyze(body={"comment": {"text": ""},
                                    "requestedAttributes": {"TOXICITY": {}}}).execute()
    emit("empty_comment", status=200)
except HttpError as e:
    emit("empty_comment", **error_of(e))

wrong = discovery.build("commentanalyzer", "v1alpha1", developerKey=key + "x",
                        discoveryServiceUrl=discovery_url, cache_discovery=False)
try:
    wrong.comments().analyze(body={"comment": {"text": "Hello"},
                                   "requestedAttributes": {"TOXICITY": {}}}).execute()
    emit("wrong_key", status=200)
except HttpError as e:
    emit("wrong_key", **error_of(e))
