"""Translates template.yaml with the real SAM translator (samtranslator), as `sam deploy` would, for one set of
parameter values, and prints the CloudFormation JSON with every Fn::If decided for those values.
Usage: python3 sam_translate.py TEMPLATE [Name=Value ...]. Local CodeUri paths become S3 URIs, as `sam package`
makes them; managed policies are not looked up (no AWS account)."""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    def load(self):
        return {}


def decide(value, conditions, params):
    """Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition and Ref to a parameter, as CloudFormation evaluates them."""
    def evaluate(expression):
        if isinstance(expression, dict) and len(expression) == 1:
            (name, args), = expression.items()
            if name == "Condition":
                return evaluate(conditions[args])
            if name == "Fn::Equals":
                return resolve(args[0]) == resolve(args[1])
            if name == "Fn::Not":
                return not evaluate(args[0])
            if name == "Fn::And":
                return all(evaluate(a) for a in args)
            if name == "Fn::Or":
                return any(evaluate(a) for a in args)
        raise ValueError("cannot evaluate condition %r" % (expression,))

    def resolve(v):
        if isinstance(v, dict) and list(v) == ["Ref"] and v["Ref"] in params:
            return params[v["Ref"]]
        return v

    def walk(v):
        if isinstance(v, dict):
            if list(v) == ["Fn::If"]:
                name, yes, no = v["Fn::If"]
                return walk(yes if evaluate(conditions[name]) else no)
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    return walk(value)


def main():
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-north-1")
    with open(sys.argv[1]) as f:
        template = yaml_parse(f.read())
    params = {p: str(d.get("Default", "")) for p, d in template.get("Parameters", {}).items()}
    params.update(a.split("=", 1) for a in sys.argv[2:])
    for resource in template["Resources"].values():
        code = resource.get("Properties", {}).get("CodeUri")
        if isinstance(code, str) and not code.startswith("s3://"):
            resource["Properties"]["CodeUri"] = "s3://bucket/" + os.path.basename(code)
    translated = transform(template, {k: v for k, v in params.items() if v != ""}, NoManagedPolicies())
    conditions = translated.get("Conditions", {})
    translated["Resources"] = decide(translated["Resources"], conditions, params)
    json.dump(translated, sys.stdout, indent=1, default=str)


main()
