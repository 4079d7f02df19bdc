def log = new File(basedir, 'build.log').text
assert log.contains("Invalid minAccuracy '1.5' (<minAccuracy>, -Dlenet.minAccuracy): an accuracy is a fraction between 0 and 1, e.g. 0.985 for 98.5%")
assert !log.contains('Epoch 1/') : 'nothing is trained with a bad parameter'
return true
