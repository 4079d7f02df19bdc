def log = new File(basedir, 'build.log').text
assert log =~ /Dataset .*csv-named: converted (to|earlier, same content)/
assert log.contains('LeNet test accuracy') && log.contains('meets the minimum 0.5000')
def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lenet/metrics.json'))
assert metrics.model.trainImages == 600 && metrics.model.testImages == 200
assert log =~ /unrelated: holds no dataset layout: it has CSV files \(survey\.csv\), folders \(photos\), 1 other file\. The layouts read: the four MNIST-format IDX files .* a training and a test CSV file whose names hold 'train' and 'test' \(mnist_train\.csv and mnist_test\.csv: .*\(<dataset>, -Dlenet\.dataset\)/
return true
