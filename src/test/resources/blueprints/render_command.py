"""Renders the command a script blueprint publishes, with Jinja2 as Home Assistant does.

Usage: python3 render_command.py BLUEPRINT.yaml '{"title": "...", ...}'
The second argument holds the script's fields and `context` (id, user_id). Prints the command
as JSON, exactly as `{{ command | to_json }}` would publish it. Home Assistant's own filters and
tests that the templates use (to_json, regex_replace, regex_findall, int with a default, bool)
are given the meaning Home Assistant documents for them.
"""
import ast
import json
import re
import sys
import time

import jinja2
import yaml


class Loader(yaml.SafeLoader):
    pass


Loader.add_constructor("!input", lambda loader, node: {"!input": loader.construct_scalar(node)})


def _bool(value):
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "on", "enable")
    return bool(value)


env = jinja2.Environment(undefined=jinja2.Undefined)
env.filters["to_json"] = lambda v: json.dumps(v)
env.filters["regex_replace"] = lambda v, find="", replace="": re.sub(find, replace, str(v))
env.filters["regex_findall"] = lambda v, find="": re.findall(find, str(v))
env.filters["bool"] = _bool
_int = env.filters["int"]
env.filters["int"] = lambda v, default=0: _int(v, default)


class _Now:
    def timestamp(self):
        return time.time()


def render(template, variables):
    out = env.from_string(template).render(now=_Now, **variables)
    try:
        return ast.literal_eval(out)
    except (ValueError, SyntaxError):
        return out


def main():
    blueprint = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=Loader)
    variables = dict(json.loads(sys.argv[2]))
    inputs = blueprint["blueprint"]["input"]
    steps = blueprint["sequence"][0]["variables"]
    for name, template in steps.items():
        if isinstance(template, dict) and "!input" in template:
            variables[name] = inputs[template["!input"]]["default"]
        else:
            variables[name] = render(template, variables)
    print(json.dumps(variables["command"]))


if __name__ == "__main__":
    main()
