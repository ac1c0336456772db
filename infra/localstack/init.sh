#!/usr/bin/env bash
# Creates the DynamoDB tables and Secrets Manager secrets that template.yaml declares, with the AWS CLI, in
# LocalStack (default http://localhost:4566) or anything else that speaks the AWS API (CI uses moto_server).
# Names are the logical ids, as `!Ref` resolves in infra/local; secrets get the demo values of
# infra/local/secrets.json. Safe to run again: what exists is kept (secrets get their demo value back).
#
#   infra/localstack/init.sh            create
#   infra/localstack/init.sh --check    only verify that every table (key schema, TTL) and secret exists
#
# Environment: AWS_ENDPOINT_URL (default http://localhost:4566), AWS_REGION (default eu-north-1),
# TEMPLATE (default template.yaml), SECRETS (default infra/local/secrets.json).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TEMPLATE="${TEMPLATE:-$ROOT/template.yaml}"
SECRETS="${SECRETS:-$ROOT/infra/local/secrets.json}"
ENDPOINT="${AWS_ENDPOINT_URL:-http://localhost:4566}"
export AWS_DEFAULT_REGION="${AWS_REGION:-eu-north-1}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
MODE="${1:-create}"

die() { echo "error: $*" >&2; exit 1; }
command -v aws >/dev/null 2>&1 || die "the AWS CLI is not on the PATH: install it (pip install awscli)"
command -v python3 >/dev/null 2>&1 || die "python3 is needed to read template.yaml"
python3 -c 'import yaml' 2>/dev/null || die "python3 needs PyYAML to read template.yaml: pip install pyyaml"

awsl() { aws --endpoint-url "$ENDPOINT" --output json "$@"; }

# ---- the steps the plan below calls (few CLI calls: each one starts a Python interpreter)
ensure_table() { # name, then create-table arguments
  local name="$1" out; shift
  if out="$(awsl dynamodb create-table --table-name "$name" "$@" 2>&1 >/dev/null)"; then
    echo "table $name: created"
  elif [[ "$out" == *ResourceInUse* || "$out" == *"already exists"* ]]; then
    echo "table $name: exists"
  else
    die "creating table $name failed: $out"
  fi
}
ensure_ttl() { # table, attribute
  local out
  if out="$(awsl dynamodb update-time-to-live --table-name "$1" \
      --time-to-live-specification "Enabled=true,AttributeName=$2" 2>&1 >/dev/null)" || [[ "$out" == *"already enabled"* ]]; then
    echo "table $1: TTL on $2"
  else
    die "enabling TTL on $1 failed: $out"
  fi
}
ensure_secret() { # name, value
  local out
  if out="$(awsl secretsmanager create-secret --name "$1" --secret-string "$2" \
      --description "demo value from infra/local/secrets.json" 2>&1 >/dev/null)"; then
    echo "secret $1: created"
  elif [[ "$out" == *ResourceExists* || "$out" == *"already exists"* ]]; then
    awsl secretsmanager put-secret-value --secret-id "$1" --secret-string "$2" >/dev/null
    echo "secret $1: exists, demo value set"
  else
    die "creating secret $1 failed: $out"
  fi
}
check_table() { # name, expected key schema as "attr:HASH attr:RANGE"
  local keys
  keys="$(awsl dynamodb describe-table --table-name "$1" \
    --query 'Table.KeySchema[].[AttributeName,KeyType]' --output text | awk '{printf "%s%s:%s", (NR>1?" ":""), $1, $2}')" \
    || die "table $1 is missing"
  [[ "$keys" == "$2" ]] || die "table $1 has key schema '$keys', template.yaml says '$2'"
  echo "table $1: ok ($keys)"
}
check_ttl() {
  local current
  current="$(awsl dynamodb describe-time-to-live --table-name "$1" --query 'TimeToLiveDescription.AttributeName' --output text)"
  [[ "$current" == "$2" ]] || die "table $1 has TTL attribute '$current', template.yaml says '$2'"
  echo "table $1: ok (TTL $2)"
}
SECRET_NAMES=""
check_secret() {
  [[ -n "$SECRET_NAMES" ]] || SECRET_NAMES=" $(awsl secretsmanager list-secrets --query 'SecretList[].Name' --output text | tr '\t\n' '  ') "
  [[ "$SECRET_NAMES" == *" $1 "* ]] || die "secret $1 is missing"
  echo "secret $1: ok"
}

# ---- the plan, generated from template.yaml: one shell-quoted step per line
plan="$(python3 - "$TEMPLATE" "$SECRETS" "$MODE" <<'PY'
import json, shlex, sys, yaml

template_file, secrets_file, mode = sys.argv[1:4]

class Loader(yaml.SafeLoader):
    pass

def intrinsic(loader, suffix, node):
    # !Ref X -> {"Ref": X}, !GetAtt A.B -> {"Fn::GetAtt": ...}: kept as data, resolved below where needed.
    name = suffix if suffix in ("Ref", "Condition") else "Fn::" + suffix
    if isinstance(node, yaml.ScalarNode):
        return {name: loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {name: loader.construct_sequence(node, deep=True)}
    return {name: loader.construct_mapping(node, deep=True)}

Loader.add_multi_constructor("!", intrinsic)
with open(template_file) as f:
    template = yaml.load(f, Loader=Loader)
with open(secrets_file) as f:
    demo = json.load(f)

def name_of(logical_id, props, key):
    value = props.get(key, logical_id)
    if not isinstance(value, str):
        sys.exit(f"error: {logical_id}.{key} uses an intrinsic function; init.sh supports plain names only")
    return value

def step(*words):
    print(" ".join(shlex.quote(str(w)) for w in words))

def keys(schema):
    return [{"AttributeName": k["AttributeName"], "KeyType": k["KeyType"]} for k in schema]

def index(i):
    out = {"IndexName": i["IndexName"], "KeySchema": keys(i["KeySchema"]),
           "Projection": {"ProjectionType": i.get("Projection", {}).get("ProjectionType", "ALL")}}
    if i.get("Projection", {}).get("NonKeyAttributes"):
        out["Projection"]["NonKeyAttributes"] = i["Projection"]["NonKeyAttributes"]
    return out

for logical_id, resource in (template.get("Resources") or {}).items():
    kind, props = resource.get("Type"), resource.get("Properties") or {}
    if kind == "AWS::DynamoDB::Table":
        name = name_of(logical_id, props, "TableName")
        ttl = props.get("TimeToLiveSpecification") or {}
        if mode == "--check":
            step("check_table", name, " ".join(f"{k['AttributeName']}:{k['KeyType']}" for k in props["KeySchema"]))
            if ttl.get("Enabled"):
                step("check_ttl", name, ttl["AttributeName"])
            continue
        args = ["--billing-mode", "PAY_PER_REQUEST",
                "--attribute-definitions", json.dumps(props["AttributeDefinitions"]),
                "--key-schema", json.dumps(keys(props["KeySchema"]))]
        if props.get("GlobalSecondaryIndexes"):
            args += ["--global-secondary-indexes", json.dumps([index(i) for i in props["GlobalSecondaryIndexes"]])]
        if props.get("LocalSecondaryIndexes"):
            args += ["--local-secondary-indexes", json.dumps([index(i) for i in props["LocalSecondaryIndexes"]])]
        if props.get("StreamSpecification"):
            args += ["--stream-specification",
                     f"StreamEnabled=true,StreamViewType={props['StreamSpecification']['StreamViewType']}"]
        step("ensure_table", name, *args)
        if ttl.get("Enabled"):
            step("ensure_ttl", name, ttl["AttributeName"])
    elif kind == "AWS::SecretsManager::Secret":
        name = name_of(logical_id, props, "Name")
        if mode == "--check":
            step("check_secret", name)
        else:
            if logical_id not in demo:
                print(f"warning: infra/local/secrets.json has no demo value for {logical_id}; using {{}}", file=sys.stderr)
            step("ensure_secret", name, json.dumps(demo.get(logical_id, {})))
PY
)"
[[ -n "$plan" ]] || die "template.yaml declares no table and no secret"

echo "$MODE against $ENDPOINT (region $AWS_DEFAULT_REGION)"
while IFS= read -r line; do
  eval "$line"
done <<< "$plan"
