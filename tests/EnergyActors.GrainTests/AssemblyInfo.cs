// Each collection starts a TestingHost cluster on the shared PostgreSQL; on a 2-core machine two
// clusters side by side only make the timing assertions flaky, so collections run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
