def log = new File(basedir, 'build.log').text
assert log =~ /Evaluation set field-digits: accuracy [01]\.\d{4} \(\d+\/2500\)/
assert log =~ /LeNet accuracy on every evaluation set meets its minimum: field-digits [01]\.\d{4} \(minimum 0\.5000\)/
assert log =~ /LeNet accuracy on the evaluation set field-digits 0\.\d{4} \(\d+\/2500\) is below its minimum 0\.9500 \(<evaluationSets>\)/
assert log =~ /the evaluation set field-digits \(.*\) has the classes \[circle, cross, square\], but the model classifies \[0, 1, 2, 3, 4, 5, 6, 7, 8, 9\]\. Give an evaluation set with the model's classes, in the same order/
def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lenet/metrics.json'))
assert !metrics.gate.passed
assert metrics.model.evaluationSets[0].name == 'field-digits'
assert metrics.model.evaluationSets[0].total == 2500
assert metrics.model.evaluationSets[0].perClassAccuracy[3] == 0 : 'the model never saw a 3'
return true
