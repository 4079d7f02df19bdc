def log = new File(basedir, 'build.log').text
def bad = new File(basedir, 'bad').path
[
    "${bad}/not-an-image/b/notes.txt: is not an image ImageIO can read (PNG, JPEG, BMP or GIF). Convert it to PNG, JPEG, BMP or GIF, or move it out of the dataset",
    "${bad}/empty-class/b: is an empty class folder. Add images of class b, or remove the folder",
    "${bad}/other-classes: has other classes in train/ [a, b] than in test/ [a, c]. Give train/ and test/ a folder for each class, with the same names",
    "${bad}/one-class: holds one class folder only (a). A classifier needs at least 2 classes: add a folder of images for each",
    "${bad}/csv-count/train.csv line 2: has 786 values. Each line holds the label and 784 pixel values (28x28): 785 values",
    "${bad}/csv-value/train.csv line 2 value 2: '300' is not a whole number 0-255. Pixel values are whole numbers from 0 (background) to 255",
    "${bad}/csv-label/test.csv line 2: has the label '7', which is not among the classes [0, 1]. Use one of the classes (the training file's labels, or the classes parameter)",
].each { assert log.contains(it) : "missing: $it" }
assert log.count('(<dataset>, -Dlenet.dataset)') >= 7
assert log.count('BUILD FAILURE') == 7
assert !log.contains('Epoch 1/')
return true
