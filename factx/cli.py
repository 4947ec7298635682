"""The factx command line: options in, core call, renderer out. Only data goes to stdout.

Exit codes: 0 success (also when no facts are found), 1 an input could not be processed (the others
still were), 2 usage error (bad option, missing model, bad patterns file), 130 interrupted (SIGINT),
143 terminated (SIGTERM).
"""
from __future__ import annotations

import json
import os
import signal
import sys
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import EXIT_INPUT, EXIT_OK, EXIT_SIGINT, EXIT_SIGTERM, EXIT_USAGE, FactxError, Terminated, UsageError

EXIT_CODES_HELP = ("Exit codes: 0 success (also when nothing is found); 1 an input could not be processed "
                   "(the others still were); 2 usage error (bad option, model not installed, bad patterns "
                   "file); 130 interrupted (SIGINT); 143 terminated (SIGTERM).")

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
    max_chars: Annotated[Optional[int], typer.Option(
        "--max-chars", min=1, help="Fail inputs longer than this many characters (kind too_large). Default: no "
                                   "limit; texts over 100,000 characters are processed in pieces.")] = None,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, help="Worker processes (default: one per CPU; inputs of one batch run in-process). "
                                    "The output is the same for any number.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no warnings on stderr.")]
    = False,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="Run on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' for a "
                            "LocalCluster of --jobs workers. Needs pip install 'factx[dask]'.")] = None,
    output_dir: Annotated[Optional[Path], typer.Option(
        "--output-dir", help="With --scheduler: the workers write JSONL part files here instead of stdout.")]
    = None,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first input that fails (exit 1).")]
    = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Extract facts from articles and print them."""
    code = run_extract(paths or [], input_format, output_format, types, reference_date, model, patterns or [],
                       dollar, debug, fail_fast, max_chars, jobs, quiet, scheduler, output_dir)
    raise typer.Exit(code)


def run_extract(paths, input_format, output_format, types, reference_date, model, patterns, dollar, debug,
                fail_fast=False, max_chars=None, jobs=None, quiet=False, scheduler=None, output_dir=None) -> int:
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
        if output_dir is not None and scheduler is None:
            raise UsageError("--output-dir works with --scheduler only (otherwise redirect stdout)")
        if paths.count("-") > 1:
            raise UsageError("'-' (stdin) given more than once")
        if not paths and sys.stdin.isatty():
            raise UsageError("no input: give file or directory paths, or pipe text to stdin")
        from .core import Extractor
        from .inputs import read_inputs

        extractor = Extractor(model, patterns, dollar.upper() if dollar else None, max_chars=max_chars)
    except FactxError as e:
        if debug:
            traceback.print_exc()
        _err(f"error: {e}")
        return e.exit_code

    from .parallel import default_jobs
    from .progress import progress

    # Lone surrogates (JSON "\ud800" in an id or a text) cannot be UTF-8: write them as \ud800, which in JSON
    # output is the same escape they came in as, instead of failing the whole run.
    sys.stdout.reconfigure(errors="backslashreplace")
    warn = None if quiet else (lambda m: _err(f"warning: {m}"))
    records = read_inputs(paths, input_format, sys.stdin.buffer, warn=warn)
    show_progress = not quiet and fmt != "table" and output_dir is None and sys.stderr.isatty()
    total = _count_inputs(paths) if show_progress and input_format == "text" and paths else None
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
    if output_dir is not None:
        write = None
    client = cluster = results = None
    try:
        with progress(show_progress, total) as bar:
            if bar:
                records = bar.count(records)
            if scheduler is None:
                results = extractor.extract_many(records, types=wanted, reference_date=ref,
                                                 jobs=jobs or default_jobs())
            else:
                from .dask_backend import connect, run_dask

                if output_dir is not None:
                    output_dir.mkdir(parents=True, exist_ok=True)
                    if any(output_dir.glob("part-*.jsonl")):
                        raise UsageError(f"{output_dir} already holds part-*.jsonl files; remove them or choose "
                                         f"another --output-dir")
                client, cluster = connect(scheduler, jobs or default_jobs())
                settings = (model, tuple(str(Path(p).resolve()) for p in patterns),
                            dollar.upper() if dollar else None, max_chars)
                if input_format == "text" and paths and "-" not in paths:  # the workers read the files
                    records = bar.count(_dask_items(paths)) if bar else _dask_items(paths)
                results = run_dask(client, records, settings, wanted, ref,
                                   str(output_dir.resolve()) if output_dir else None)
            failed = _write_all(results, write, out, fmt, fail_fast, bar)
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


def _dask_items(paths: list[str]):
    """Text files as (id as given, absolute path) for the Dask workers to read; unreadable paths as
    Failures; in order."""
    from .core import Failure
    from .inputs import expand

    for name, path, error in expand(paths):
        yield Failure(name, error) if error is not None else (name, str(path.resolve()))


def _count_inputs(paths: list[str]) -> int | None:
    from .inputs import expand

    return None if "-" in paths else sum(1 for _ in expand(paths))


def _write_all(results, write, out, fmt: str, fail_fast: bool, bar) -> bool:
    """Write each record as it comes; True if any input failed."""
    failed = False
    for record in results:
        if bar:
            bar.advance()
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
            where = e.ctx.command_path if e.ctx is not None else "factx"
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
