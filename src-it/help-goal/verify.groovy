def log = new File(basedir, 'build.log').text
assert log.contains('lenet:train')
assert log.contains('Trains LeNet-5')
// parameters with their descriptions and properties, as -Ddetail shows them
assert log.contains('epochs (Default: auto)')
assert log.contains('Passes over the training set; auto fits them to the data')
assert log.contains('User property: lenet.epochs')
assert log.contains('learningRateSchedule')
return true
