def log = new File(basedir, 'build.log').text
assert log =~ /LeNet test accuracy [01]\.\d{4} is below the minimum 0\.9000 \(<minAccuracy>, -Dlenet\.minAccuracy\)/
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/lenet/gate-fails-1.0-model.jar').exists() : 'nothing is packaged when the gate fails'
assert !new File(localRepositoryPath, 'dev/lenet/it/gate-fails/1.0/gate-fails-1.0-model.jar').exists()
return true
