def log = new File(basedir, 'build.log').text
println "build.log holds ${log.count('BUILD SUCCESS')} builds"
assert log.contains('Training: no earlier model at ')
assert log =~ /LeNet model is up to date \(same dataset SHA-256s, configuration, versions and timestamp\): not training\./
assert log =~ /LeNet test accuracy [01]\.\d{4} meets the minimum 0\.9000 \(recorded by the up-to-date model\)/
assert log.contains('Training: epochs changed from 2 to 3')
assert log.count('Training on the CPU') == 2 : 'the first and third builds trained, the second did not'
assert new File(localRepositoryPath, 'dev/lenet/it/up-to-date/1.0/up-to-date-1.0-model.jar').isFile()
return true
