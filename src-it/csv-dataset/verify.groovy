import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /Dataset .*csv: converted to .*converted/
assert log =~ /LeNet test accuracy [01]\.\d{4} meets the minimum 0\.9000/
def metrics = new JsonSlurper().parse(new File(basedir, 'target/lenet/metrics.json'))
assert metrics.model.classes == ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
assert metrics.model.testImages == 500
assert metrics.model.trainImages == 2000
return true
