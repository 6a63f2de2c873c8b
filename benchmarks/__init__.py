"""The benchmark suite: `python -m benchmarks`. Not part of the test run."""
