"""The factx command line: options in, core call, renderer out. Only data goes to stdout.

Exit codes: 0 success (also when no facts are found), 1 an input could not be processed (the others
still were), 2 usage error (bad option, missing model, bad patterns file), 130 interrupted (SIGINT),
143 terminated (SIGTERM).
"""
from __future__ import annotations

import json
import logging
import os
import signal
import sys
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .errors import EXIT_INPUT, EXIT_OK, EXIT_SIGINT, EXIT_SIGTERM, EXIT_USAGE, FactxError, Terminated, UsageError
from .options import check_dollar, check_output_dir, check_reference_date

EXIT_CODES_HELP = ("Exit codes: 0 success (also when nothing is found); 1 an input could not be processed "
                   "(the others still were); 2 usage error (bad option, model not installed, bad patterns "
                   "file); 130 interrupted (SIGINT); 143 terminated (SIGTERM).")

class _PlainMetavars:
    """Typer's help shows each parameter's Python type (<str>, <list[str]>, <bool>) beside it; factx shows
    the metavar it gives instead (FILE, N, YYYY-MM-DD) and nothing for flags and the paths argument."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        for param in params:
            shown = None if param.param_type_name == "argument" or getattr(param, "is_flag", False) else param.metavar
            param.display_type_rich = lambda ctx, shown=shown: shown
        return params


class _Command(_PlainMetavars, TyperCommand):
    pass


class _Group(_PlainMetavars, TyperGroup):
    pass


app = typer.Typer(cls=_Group, add_completion=True, no_args_is_help=True, rich_markup_mode="rich",
                  pretty_exceptions_enable=False,
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


_writing = False  # a record is being written: a signal now waits until the line is complete
_pending: type[BaseException] | None = None


def _write_whole(write, record: dict, out) -> None:
    """Write and flush one record; SIGINT/SIGTERM arriving meanwhile take effect right after, so an interrupt
    never cuts a line in two (blocking the signals would not do: with worker pools, another thread of this
    process can take them)."""
    global _writing, _pending
    _writing = True
    try:
        write(record, out)
        out.flush()
    finally:
        _writing = False
    if _pending is not None:
        exc, _pending = _pending, None
        raise exc()


def _on_signal(signum, frame) -> None:
    global _pending
    exc = KeyboardInterrupt if signum == signal.SIGINT else Terminated
    if _writing:
        if _pending is not None:  # a second signal while stdout is blocked (a stalled | less): go now
            os._exit(EXIT_SIGINT if signum == signal.SIGINT else EXIT_SIGTERM)
        _pending = exc
        return
    raise exc()


def _err(message: str) -> None:
    sys.stderr.write(f"factx: {message}\n")
    sys.stderr.flush()


EXAMPLES = """Examples:

  factx extract article.txt                      tables on a terminal
  factx extract news/ -f jsonl > facts.jsonl     a whole folder in one call, a line per article
  factx extract a.txt -f json | jq '.money[]'
  factx extract feed.jsonl -i jsonl -f csv -t people,money
  factx extract news/ -f json --array            one JSON array, for json.load or pandas.read_json
  factx extract a.txt -f html > a.html           the facts highlighted in the text, then tables
  echo "It rained on Friday." | factx extract -d 2013-03-22"""

INPUT, OUTPUT, EXTRACTION, PERFORMANCE, CLUSTER = "Input", "Output", "Extraction", "Performance", "Cluster"


def _formats() -> tuple[str, ...]:
    from .output import FORMATS

    return FORMATS


def _complete(choices, incomplete: str) -> list[str]:
    """Shell completion of a choice, case-insensitive like the option itself."""
    return [c for c in choices if c.startswith(incomplete.lower())]


def _complete_types(incomplete: str) -> list[str]:
    """--types people,ti<TAB> -> people,titles: the last comma-separated part completed."""
    from .schema import TYPES

    done, _, last = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    return [prefix + t for t in TYPES if t.startswith(last.lower()) and t not in done.split(",")]


@app.command(cls=_Command, epilog=EXAMPLES + "\n\n" + EXIT_CODES_HELP)
def extract(
    paths: Annotated[Optional[list[str]], typer.Argument(
        metavar="PATH", show_default=False,
        help="Text files, directories (their *.txt files, recursively) or - for stdin. "
             "No path: read stdin.")] = None,
    input_format: Annotated[str, typer.Option(
        "--input-format", "-i", metavar="text|jsonl", rich_help_panel=INPUT,
        autocompletion=lambda incomplete: _complete(("text", "jsonl"), incomplete),
        help="text, or jsonl (records with id, text, optional date).")] = "text",
    max_chars: Annotated[Optional[int], typer.Option(
        "--max-chars", metavar="N", rich_help_panel=INPUT,
        help="Fail inputs longer than N characters (kind too_large). Default: no "
             "limit; texts over 100,000 characters are processed in pieces.")] = None,
    output_format: Annotated[Optional[str], typer.Option(
        "--format", "-f", metavar="table|json|jsonl|csv|html", rich_help_panel=OUTPUT,
        autocompletion=lambda incomplete: _complete(_formats(), incomplete),
        help="Default: table on a terminal, json otherwise. html: one page, the facts highlighted in "
             "each text, then tables.")] = None,
    array: Annotated[bool, typer.Option(
        "--array", rich_help_panel=OUTPUT,
        help="With --format json: one JSON array of all records instead of a stream of objects.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", rich_help_panel=OUTPUT,
                                        help="No progress bar and no warnings on stderr.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", rich_help_panel=OUTPUT,
                                            help="Stop at the first input that fails (exit 1).")] = False,
    debug: Annotated[bool, typer.Option("--debug", rich_help_panel=OUTPUT, help="Show tracebacks.")] = False,
    types: Annotated[Optional[str], typer.Option(
        "--types", "-t", metavar="TYPE,...", rich_help_panel=EXTRACTION,
        autocompletion=lambda incomplete: _complete_types(incomplete),
        help="Fact types to keep, comma-separated: people,titles,countries,dates,money.")] = None,
    reference_date: Annotated[Optional[str], typer.Option(
        "--reference-date", "-d", metavar="YYYY-MM-DD", rich_help_panel=EXTRACTION,
        help="Resolve relative dates (Friday, last week) against this day.")] = None,
    model: Annotated[Optional[str], typer.Option(
        "--model", "-m", metavar="NAME|DIR", rich_help_panel=EXTRACTION,
        help="Name or path of an installed spaCy English pipeline to run factx on.")] = None,
    patterns: Annotated[Optional[list[Path]], typer.Option(
        "--patterns", "-p", metavar="FILE", rich_help_panel=EXTRACTION,
        help="JSONL file of extra TITLE/OCCUPATION/COUNTRY/NATIONALITY/NOT_COUNTRY patterns; repeatable.")] = None,
    dollar: Annotated[Optional[str], typer.Option(
        "--dollar", metavar="CODE", rich_help_panel=EXTRACTION,
        help="ISO 4217 code that a bare '$' or 'dollars' means (default USD).")] = None,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", metavar="N", rich_help_panel=PERFORMANCE,
        help="Worker processes (default: one per CPU; inputs of one batch run in-process). "
             "The output is the same for any number.")] = None,
    timeout: Annotated[float, typer.Option(
        "--timeout", metavar="SECONDS", rich_help_panel=PERFORMANCE,
        help="With worker processes: a document running longer than this plus 1 s per 1,000 characters "
             "is stopped with its worker and gets an error record of kind timeout.")] = 60.0,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", metavar="tcp://HOST:PORT|local", rich_help_panel=CLUSTER,
        help="Run on a Dask cluster: a scheduler address, or local for a LocalCluster of --jobs "
             "workers. Needs the dask extra (pip install factx with it).")] = None,
    output_dir: Annotated[Optional[Path], typer.Option(
        "--output-dir", metavar="DIR", rich_help_panel=CLUSTER,
        help="With --scheduler: the workers write JSONL part files here instead of stdout.")] = None,
) -> None:
    """Extract facts from articles and print them."""
    code = run_extract(paths or [], input_format, output_format, types, reference_date, model, patterns or [],
                       dollar, debug, fail_fast, max_chars, jobs, quiet, scheduler, output_dir, array, timeout)
    raise typer.Exit(code)


def run_extract(paths, input_format, output_format, types, reference_date, model, patterns, dollar, debug,
                fail_fast=False, max_chars=None, jobs=None, quiet=False, scheduler=None, output_dir=None,
                array=False, timeout=60.0) -> int:
    from . import output
    from .core import parse_types

    stdin = sys.stdin.buffer if sys.stdin is not None else None  # None: started with stdin closed (<&-)
    try:
        input_format = input_format.lower()
        if input_format not in ("text", "jsonl"):
            raise UsageError(f"unknown --input-format {input_format!r}: use text or jsonl")
        fmt = output_format.lower() if output_format else ("table" if sys.stdout.isatty() else "json")
        if fmt not in output.FORMATS:
            raise UsageError(f"unknown --format {fmt!r}: use one of {', '.join(output.FORMATS)}")
        if array and fmt != "json":
            raise UsageError("--array works with --format json only")
        wanted = parse_types(types)
        ref = check_reference_date(reference_date)
        dollar = check_dollar(dollar)
        if not timeout > 0:
            raise UsageError(f"--timeout {timeout}: must be more than 0 seconds")
        for name, value in (("--max-chars", max_chars), ("--jobs", jobs)):
            if value is not None and value < 1:
                raise UsageError(f"{name} {value}: must be at least 1")
        if output_dir is not None and scheduler is None:
            raise UsageError("--output-dir works with --scheduler only (otherwise redirect stdout)")
        if output_dir is not None and fmt == "html":
            raise UsageError("--output-dir writes JSONL part files; --format html writes one page to stdout")
        if paths.count("-") > 1:
            raise UsageError("'-' (stdin) given more than once")
        if not paths and (stdin is None or sys.stdin.isatty()):
            raise UsageError("no input: give file or directory paths, or pipe text to stdin")
        if output_dir is not None:
            check_output_dir(output_dir)
        from .core import Extractor
        from .inputs import count_inputs, read_inputs

        extractor = Extractor(model, patterns, dollar, max_chars=max_chars)
    except FactxError as e:
        if debug:
            traceback.print_exc()
        _err(f"error: {e}")
        return e.exit_code

    from .output import writer
    from .parallel import default_jobs
    from .progress import progress

    if debug:  # the traceback of each input's internal error (core logs it to the "factx" logger)
        logging.basicConfig(stream=sys.stderr, format="%(message)s")
        logging.getLogger("factx").setLevel(logging.DEBUG)

    # Lone surrogates (JSON "\ud800" in an id or a text) cannot be UTF-8: write them as \ud800, which in JSON
    # output is the same escape they came in as, instead of failing the whole run.
    sys.stdout.reconfigure(errors="backslashreplace")
    warn = None if quiet else (lambda m: _err(f"warning: {m}"))
    records = read_inputs(paths, input_format, stdin, warn=warn)
    show_progress = not quiet and fmt != "table" and output_dir is None and sys.stderr.isatty()
    total = count_inputs(paths) if show_progress and input_format == "text" and paths else None
    failed = False
    out = sys.stdout
    write = writer(fmt, array, out)
    keep_texts = getattr(write, "keep_texts", lambda items: items)  # html needs each record's text
    if output_dir is not None:
        write = None
    client = cluster = results = None
    try:
        with progress(show_progress, total) as bar:
            if bar:
                records = bar.count(records)
            if scheduler is None:
                results = extractor.extract_many(keep_texts(records), types=wanted, reference_date=ref,
                                                 jobs=jobs or default_jobs(), timeout=timeout)
            else:
                from .dask_backend import connect, run_dask, text_items

                client, cluster = connect(scheduler, jobs or default_jobs())
                settings = (model, tuple(str(Path(p).resolve()) for p in patterns), dollar, max_chars)
                if input_format == "text" and paths and "-" not in paths:  # the workers read the files
                    records = bar.count(text_items(paths)) if bar else text_items(paths)
                results = run_dask(client, keep_texts(records), settings, wanted, ref,
                                   str(output_dir.resolve()) if output_dir else None)
            failed = _write_all(results, write, out, fmt, fail_fast, bar)
            if hasattr(write, "close"):
                write.close()
    except FactxError as e:
        if debug:
            traceback.print_exc()
        _err(f"error: {e}")
        return e.exit_code
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
    finally:
        _close_quietly(results, client, cluster)
    return EXIT_INPUT if failed else EXIT_OK


def _close_quietly(results, client, cluster) -> None:
    """Stop the workers first (closing the results generator), then Dask; never a traceback on the way out."""
    steps = [lambda: results.close()] if results is not None else []
    steps += [lambda: client.close(timeout=2)] if client is not None else []
    steps += [lambda: cluster.close(timeout=2)] if cluster is not None else []
    for step in steps:
        try:
            step()
        except BaseException:  # noqa: BLE001, S110 - shutting down after an interrupt or error: best effort
            pass


def _write_all(results, write, out, fmt: str, fail_fast: bool, bar) -> bool:
    """Write each record as it comes; True if any input failed."""
    failed = False
    for record in results:
        if bar:
            bar.advance()
        for warning in record.get("warnings", ()):  # part of the input was lost: the rest is written
            failed = True
            _err(f"error: {warning['message']}")
        if "error" in record:
            failed = True
            _err(f"error: {record['error']['message']}")
            if fmt == "table":
                if fail_fast:
                    break
                continue
        if write is not None:
            _write_whole(write, record, out)
        if failed and fail_fast:
            break
    return failed


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record."""
    from .schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


def _click_errors() -> tuple[type, type]:
    """Click's UsageError and ClickException classes, found through typer.BadParameter: recent Typer
    releases vendor their own copy of Click, so `import click` would name different classes."""
    mro = typer.BadParameter.__mro__
    return (next(c for c in mro if c.__name__ == "UsageError"), next(c for c in mro if c.__name__ == "ClickException"))


def _command_path(args: list[str]) -> str:
    """'factx extract' when the arguments name that command (Click gives some errors, such as '-f' without
    its value, no context to tell), else 'factx'."""
    commands = {c.name or c.callback.__name__ for c in app.registered_commands}
    return next((f"factx {a}" for a in args if a in commands), "factx")


def main() -> None:
    """Console entry point: one-line usage errors, quiet on a closed pipe, 130 on SIGINT, 143 on SIGTERM."""
    usage_error, click_exception = _click_errors()
    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    try:
        code = app(standalone_mode=False)  # Typer turns Ctrl-C into exit code 130 itself
    except usage_error as e:
        if type(e).__name__ == "NoArgsIsHelpError" and e.ctx is not None:  # bare `factx`: show the help
            typer.echo(e.ctx.get_help(), err=True)
        else:
            where = e.ctx.command_path if e.ctx is not None else _command_path(sys.argv[1:])
            _err(f"error: {e.format_message()} (see '{where} --help')")
        code = EXIT_USAGE
    except click_exception as e:
        _err(f"error: {e.format_message()}")
        code = e.exit_code
    except (KeyboardInterrupt, typer.Abort):
        code = EXIT_SIGINT
    except Terminated:
        code = EXIT_SIGTERM
    except BrokenPipeError:
        _silence_stdout()
        code = EXIT_OK
    if code == EXIT_SIGINT:
        _err("interrupted")
    elif code == EXIT_SIGTERM:
        _err("terminated")
    sys.exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
