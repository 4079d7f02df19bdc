def log = new File(basedir, 'build.log').text
assert log =~ /LeNet test accuracy [01]\.\d{4} meets the minimum 0\.9000/
assert !log.contains('Forking the child JVM')
// the evaluate goal (bound to verify) judged the model this build attached, in Maven's JVM too
assert log =~ /Evaluating .*train-in-maven-jvm-1\.0-model\.jar/
assert new File(localRepositoryPath, 'dev/lenet/it/train-in-maven-jvm/1.0/train-in-maven-jvm-1.0-model.jar').isFile()
return true
