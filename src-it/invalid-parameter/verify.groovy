def log = new File(basedir, 'build.log').text
def reason = "an accuracy is a fraction between 0 and 1, e.g. 0.985 for 98.5%"
assert log.contains("Invalid minAccuracy '1.5': " + reason + " (<minAccuracy>, -Dlenet.minAccuracy)")
def errorLine = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert errorLine != null
assert errorLine.count(reason) == 1 : 'the reason is said once: ' + errorLine
assert !log.contains('Epoch 1/') : 'nothing is trained with a bad parameter'
return true
