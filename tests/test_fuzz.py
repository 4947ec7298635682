"""Mutation fuzzing (issue 12): every generated record keeps the output contract (factx.contract): no
internal error, true offsets, person links that resolve, ISO codes, finite amounts with amount_max >=
amount, TIMEX3 shapes, a schema-valid record. Families are in fuzz_families.py; benchmarks/sweep.py runs
10,000 of each."""
import random

import pytest
from factx.contract import violations
from fuzz_families import FAMILIES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = {"symbol_runs": 10, "mutated_samples": 10, "headlines": 25}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_generated_inputs_keep_the_contract(extractor, family):
    @settings(max_examples=EXAMPLES.get(family, 40), deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(st.randoms(use_true_random=False))
    def check(r: random.Random):
        text, ref = FAMILIES[family](r)
        record = next(extractor.extract_many([{"id": family, "text": text, "date": ref}]))
        assert violations(record, text) == [], text[:300]

    check()
