-- An experiment may be a trade-off sweep (network-aware placement): the scenario's problem
-- solved over a range of weights, storage against start-up time and traffic cost.
ALTER TABLE "ExperimentRun" DROP CONSTRAINT "ExperimentRun_figure";
ALTER TABLE "ExperimentRun" ADD CONSTRAINT "ExperimentRun_figure" CHECK ("figure" IN ('containers', 'capacity', 'tradeoff'));
