def log = new File(basedir, 'build.log').text
assert log =~ /LeNet test accuracy against the baseline dev\.lenet\.it:class-drop:jar:model:1\.0: class 3 fell [01]\.\d{4} \([01]\.\d{4} -> 0\.\d{4}\), more than the allowed drop 0\.0500 per class \(<maxClassAccuracyDrop>, -Dlenet\.maxClassAccuracyDrop\)/
def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lenet/metrics.json'))
assert metrics.model.testAccuracy > metrics.gate.baseline.testAccuracy : 'better overall than the release'
assert metrics.gate.failures.size() == 1 && metrics.gate.failures[0].parameter == 'maxClassAccuracyDrop'
assert metrics.gate.passes.any { it.contains('against the baseline dev.lenet.it:class-drop:jar:model:1.0') && it.contains('change +') }
assert new File(basedir, 'target/lenet/report.html').text.contains('id="per-class-baseline"')
assert !new File(basedir, 'target/lenet/class-drop-2.0-model.jar').exists()
return true
