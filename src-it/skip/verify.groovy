def log = new File(basedir, 'build.log').text
assert log.contains('Skipping LeNet training (<skip>, -Dlenet.skip is true)')
assert !log.contains('Epoch 1/')
assert !new File(basedir, 'target/lenet').exists()
assert !new File(localRepositoryPath, 'dev/lenet/it/skip/1.0/skip-1.0-model.jar').exists()
return true
