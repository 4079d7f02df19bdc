def log = new File(basedir, 'build.log').text
assert log =~ /LeNet test accuracy 0\.\d{4} meets the minimum 0\.9000/
assert log =~ /consumer accuracy \d+\/200/
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0/
assert log =~ /ONNX consumer accuracy \d+\/200/
assert log =~ /classpath entries \d+, tensorflow jars 0/
assert log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0/
assert new File(localRepositoryPath, 'dev/lenet/it/reactor/digits-model/1.0/digits-model-1.0-model.jar').isFile()
return true
