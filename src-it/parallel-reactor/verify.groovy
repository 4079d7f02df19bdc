def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert log.count('Training on the CPU') == 2
assert log.findAll(/LeNet test accuracy [01]\.\d{4} meets the minimum 0\.9000/).size() == 2
['first', 'second'].each {
    assert new File(localRepositoryPath, "dev/lenet/it/parallel/${it}-model/1.0/${it}-model-1.0-model.jar").isFile()
}
return true
