import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /Robustness \(\d+\.\d s\): shift [01]\.\d{4}, rotation [01]\.\d{4}, noise [01]\.\d{4}, blur [01]\.\d{4}/
def a = new JsonSlurper().parse(new File(basedir, 'target/a/metrics.json'))
def b = new JsonSlurper().parse(new File(basedir, 'target/b/metrics.json'))
assert a.model.robustness.size() == 4
assert a.model.robustness == b.model.robustness : 'the same seeds, the same figures'
assert a.model.robustness*.corruption == ['shift', 'rotation', 'noise', 'blur']
assert a.model.calibration.bins.size() == 15
assert log =~ /LeNet test accuracy under .*\d\.\d{4} is below the minimum 0\.9999 \(recorded by the up-to-date model\) \(<minRobustAccuracy>, -Dlenet\.minRobustAccuracy\)/
def report = new File(basedir, 'target/a/report.html').text
assert report.contains('id="robustness-chart"') && report.contains('id="reliability"')
return true
