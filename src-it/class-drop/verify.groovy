def log = new File(basedir, 'build.log').text
def drop = { version -> /LeNet test accuracy against the baseline dev\.lenet\.it:class-drop:jar:model:${version}: class 3 fell [01]\.\d{4} \([01]\.\d{4} -> 0\.\d{4}\), more than the allowed drop 0\.0500 per class \(<maxClassAccuracyDrop>, -Dlenet\.maxClassAccuracyDrop\)/ }
assert log =~ drop('1\\.0') : '2.0 against 1.0'
assert log =~ drop('1\\.5') : '3.0 against 1.5'
assert log =~ /LeNet test accuracy [01]\.\d{4} against the baseline dev\.lenet\.it:class-drop:jar:model:1\.0 \(0\.\d{4}\): change \+0\.\d{4}/ : '2.0 is better overall than 1.0'
assert log =~ /LeNet test accuracy [01]\.\d{4} against the baseline dev\.lenet\.it:class-drop:jar:model:1\.5 \([01]\.\d{4}\): change -0\.\d{4}, allowed drop 0\.2000/ : '3.0 is worse overall than 1.5, within the allowance'
def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lenet/metrics.json'))
assert metrics.gate.baseline.model == 'dev.lenet.it:class-drop:jar:model:1.5'
assert metrics.gate.baseline.testAccuracy > metrics.model.testAccuracy : 'the baseline is better overall'
assert metrics.gate.failures.size() == 1 && metrics.gate.failures[0].parameter == 'maxClassAccuracyDrop'
assert new File(basedir, 'target/lenet/report.html').text.contains('id="per-class-baseline"')
assert !new File(basedir, 'target/lenet/class-drop-3.0-model.jar').exists()
return true
