import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert !log.contains('NoSuchMethodError')
assert !log.contains('NoClassDefFoundError')
assert log.count('BUILD SUCCESS') == 5
def archives = new File(basedir, 'archives').path
assert log.contains("Dataset: ${archives}/digits.tar.gz")
assert log.contains("Dataset: ${archives}/digits.tgz")
assert log.contains("Dataset: ${archives}/digits.tar")
assert log.contains("Dataset: ${archives}/digits.zip")
assert log =~ /Class folders: 3 classes \(circle, cross, square\), \d+ training and \d+ test images/
assert log.count('meets the minimum 0.5000') == 5

['tar-gz', 'tgz', 'tar', 'zip'].each { output ->
    def metrics = new JsonSlurper().parse(new File(basedir, "target/${output}/metrics.json"))
    assert metrics.model.trainImages == 2000 : output
    assert metrics.model.testImages == 500 : output
    assert new File(basedir, "target/${output}/dataset-archives-1.0-model.jar").isFile() : output
}
def shapes = new JsonSlurper().parse(new File(basedir, 'target/shapes-zip/metrics.json'))
assert shapes.model.classes == ['circle', 'cross', 'square']
return true
