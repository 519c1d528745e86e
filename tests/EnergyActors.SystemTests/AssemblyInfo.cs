// Tests start real silos, gateways and PostgreSQL servers; on a 2-core machine running those
// collections side by side only makes timings flaky, so collections run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
