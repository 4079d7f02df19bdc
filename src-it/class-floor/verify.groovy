def log = new File(basedir, 'build.log').text
assert log =~ /LeNet test accuracy of class \d 0\.\d{4} is below its floor 0\.5000(, of class \d 0\.\d{4} is below its floor 0\.5000)+ \(<minClassAccuracy>, -Dlenet\.minClassAccuracy\)/
assert log =~ /LeNet test accuracy of every class meets its floor \(closest: class \d [01]\.\d{4}, floor 0\.\d{4}\)/
def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lenet/metrics.json'))
assert metrics.gate.passed
assert metrics.model.perClassAccuracy[3] >= 0.9
return true
