import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Evaluating dev.lenet.it:evaluate-installed:jar:model:1.0 on ')
assert log =~ /LeNet test accuracy [01]\.\d{4} meets the minimum 0\.9000/
assert log =~ /LeNet test accuracy [01]\.\d{4} is below the minimum 0\.9999 \(<minAccuracy>, -Dlenet\.minAccuracy\)/

def trained = new JsonSlurper().parse(new File(basedir, 'target/lenet/metrics.json'))
def evaluated = new JsonSlurper().parse(new File(basedir, 'target/evaluation/metrics.json'))
def failed = new JsonSlurper().parse(new File(basedir, 'target/evaluation-failed/metrics.json'))
assert evaluated.format == 'lenet-metrics/1'
assert evaluated.model.testAccuracy == trained.model.testAccuracy : 'the same model on the same test set'
assert evaluated.model.confusionMatrix == trained.model.confusionMatrix
assert evaluated.model.hyperparameters.epochs == 2 : 'the model card travels with the model'
assert evaluated.gate.passed
assert !failed.gate.passed
assert evaluated.device.reason == "evaluation runs on the CPU"

def robust = new JsonSlurper().parse(new File(basedir, 'target/evaluation-robust/metrics.json'))
assert robust.model.robustness.size() == 4 : 'lenet:evaluate measures what lenet:train measures'
assert !robust.gate.passed
assert robust.gate.passes.any { it.startsWith('LeNet test accuracy of every class meets its floor') }
assert log =~ /LeNet test accuracy under .*\d\.\d{4} is below the minimum 0\.9999 \(<minRobustAccuracy>, -Dlenet\.minRobustAccuracy\)/
return true
