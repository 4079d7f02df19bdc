def log = new File(basedir, 'build.log').text
assert log.contains('Baseline: dev.lenet.it:baseline-regression:jar:model:1.0')
assert log =~ /LeNet test accuracy [01]\.\d{4} is 0\.\d{4} below the baseline dev\.lenet\.it:baseline-regression:jar:model:1\.0 \(0\.\d{4}\), more than the allowed drop 0\.0100 \(<maxAccuracyDrop>, -Dlenet\.maxAccuracyDrop\)/
assert log =~ /LeNet test accuracy [01]\.\d{4} against the baseline dev\.lenet\.it:baseline-regression:jar:model:1\.0 \(0\.\d{4}\): change \+0\.\d{4}, allowed drop 0\.0100/
assert log.contains("No baseline model: dev.lenet.it:no-such-model:jar:model:9.9 cannot be resolved")
assert log.contains("(<baseline>, -Dlenet.baseline); baselineRequired is true")
def released = new File(localRepositoryPath, 'dev/lenet/it/baseline-regression')
assert new File(released, '1.0/baseline-regression-1.0-model.jar').isFile()
assert new File(released, '2.0/baseline-regression-2.0-model.jar').isFile() : 'the better 2.0 was installed'

def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lenet/metrics.json'))
assert metrics.gate.baseline.model == 'dev.lenet.it:baseline-regression:jar:model:1.0'
assert metrics.gate.baseline.testAccuracy < metrics.model.testAccuracy
assert new File(basedir, 'target/lenet/report.html').text.contains('Baseline dev.lenet.it:baseline-regression:jar:model:1.0: test accuracy')
return true
