"""The factx command line: options in, core call, renderer out. Only data goes to stdout.

Exit codes: 0 success (also when no facts are found), 1 an input could not be processed (the others
still were), 2 usage error (bad option, missing model, bad patterns file), 130 interrupted.
"""
from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import EXIT_INPUT, EXIT_OK, EXIT_SIGINT, FactxError, UsageError

EXIT_CODES_HELP = ("Exit codes: 0 success (also when nothing is found); 1 an input could not be processed "
                   "(the others still were); 2 usage error (bad option, model not installed, bad patterns "
                   "file); 130 interrupted.")

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
                  help="Extract people, titles, countries, dates and money from news text. " + EXIT_CODES_HELP)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factx {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Extract people, titles, countries, dates and money from news text."""


def _silence_stdout() -> None:
    """stdout went away (| head): point it at /dev/null so Python's final flush does not complain."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _err(message: str) -> None:
    sys.stderr.write(f"factx: {message}\n")
    sys.stderr.flush()


@app.command(epilog=EXIT_CODES_HELP)
def extract(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Text files, directories (their *.txt files, recursively) or - for stdin. "
             "No path: read stdin.")] = None,
    input_format: Annotated[str, typer.Option("--input-format", "-i",
                                              help="text, or jsonl (records with id, text, optional date).")]
    = "text",
    output_format: Annotated[Optional[str], typer.Option(
        "--format", "-f", help="table, json, jsonl or csv. Default: table on a terminal, json otherwise.")] = None,
    types: Annotated[Optional[str], typer.Option(
        "--types", "-t", help="Comma-separated fact types to keep: people,titles,countries,dates,money.")] = None,
    reference_date: Annotated[Optional[str], typer.Option(
        "--reference-date", "-d", help="YYYY-MM-DD: resolve relative dates against this day.")] = None,
    model: Annotated[Optional[str], typer.Option(
        "--model", "-m", help="Name or path of an installed spaCy English pipeline to run factx on.")] = None,
    patterns: Annotated[Optional[list[Path]], typer.Option(
        "--patterns", "-p", help="JSONL file of extra TITLE/COUNTRY/NATIONALITY/NOT_COUNTRY patterns; repeatable.")]
    = None,
    dollar: Annotated[Optional[str], typer.Option(
        "--dollar", help="ISO 4217 code that a bare '$' or 'dollars' means (default USD).")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Extract facts from articles and print them."""
    code = run_extract(paths or [], input_format, output_format, types, reference_date, model, patterns or [],
                       dollar, debug)
    raise typer.Exit(code)


def run_extract(paths, input_format, output_format, types, reference_date, model, patterns, dollar, debug) -> int:
    from . import output
    from .core import parse_date, parse_types

    try:
        if input_format not in ("text", "jsonl"):
            raise UsageError(f"unknown --input-format {input_format!r}: use text or jsonl")
        fmt = output_format or ("table" if sys.stdout.isatty() else "json")
        if fmt not in output.FORMATS:
            raise UsageError(f"unknown --format {fmt!r}: use one of {', '.join(output.FORMATS)}")
        wanted = parse_types(types)
        try:
            ref = parse_date(reference_date, "--reference-date")
        except FactxError as e:
            raise UsageError(str(e)) from e
        if dollar is not None and (len(dollar) != 3 or not dollar.isalpha()):
            raise UsageError(f"--dollar {dollar!r}: expected an ISO 4217 code such as USD or CAD")
        if not paths and sys.stdin.isatty():
            raise UsageError("no input: give file or directory paths, or pipe text to stdin")
        from .core import Extractor
        from .inputs import read_inputs

        extractor = Extractor(model, patterns, dollar.upper() if dollar else None)
    except FactxError as e:
        if debug:
            traceback.print_exc()
        _err(f"error: {e}")
        return e.exit_code

    records = read_inputs(paths, input_format, sys.stdin.buffer, warn=lambda m: _err(f"warning: {m}"))
    failed = False
    out = sys.stdout
    if fmt == "table":
        from rich.console import Console

        console = Console(file=out)
        write = lambda record, _out: output.write_table(record, console)  # noqa: E731
    elif fmt == "csv":
        write = output.CsvWriter(out)
    else:
        write = output.write_json if fmt == "json" else output.write_jsonl
    try:
        for record in extractor.extract_many(records, types=wanted, reference_date=ref):
            if "error" in record:
                failed = True
                _err(f"error: {record['error']['message']}")
                if fmt == "table":
                    continue
            write(record, out)
            out.flush()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        raise
    except Exception as e:  # noqa: BLE001 - a bug in factx: one line, not a traceback (unless --debug)
        if debug:
            traceback.print_exc()
        _err(f"error: internal error ({type(e).__name__}: {e}); rerun with --debug and please report it")
        return EXIT_INPUT
    return EXIT_INPUT if failed else EXIT_OK


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record."""
    from .schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


def main() -> None:
    """Console entry point: quiet on a closed pipe, 130 on Ctrl-C."""
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(EXIT_SIGINT)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
