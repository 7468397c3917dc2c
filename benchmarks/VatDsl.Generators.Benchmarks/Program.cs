using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(VatDsl.Generators.Benchmarks.GeneratorBenchmarks).Assembly).Run(args);
