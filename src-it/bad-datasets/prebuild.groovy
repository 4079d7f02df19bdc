import java.awt.image.BufferedImage
import javax.imageio.ImageIO

def bad = new File(basedir, 'bad')
def image = { String path ->
    def file = new File(bad, path)
    file.parentFile.mkdirs()
    ImageIO.write(new BufferedImage(12, 12, BufferedImage.TYPE_INT_RGB), 'png', file)
}
def text = { String path, String content ->
    def file = new File(bad, path)
    file.parentFile.mkdirs()
    file.text = content
}
def row = { String label, String value -> ([label] + [value] * 784).join(',') + '\n' }

['a/1.png', 'a/2.png', 'b/1.png', 'b/2.png'].each { image("not-an-image/$it") }
text('not-an-image/b/notes.txt', 'not a picture')
['a/1.png', 'a/2.png'].each { image("empty-class/$it") }
new File(bad, 'empty-class/b').mkdirs()
['train/a/1.png', 'train/b/1.png', 'test/a/1.png', 'test/c/1.png'].each { image("other-classes/$it") }
['a/1.png', 'a/2.png'].each { image("one-class/$it") }
text('csv-count/train.csv', row('0', '0') + row('1', '0').trim() + ',5\n')
text('csv-count/test.csv', row('0', '0'))
text('csv-value/train.csv', row('0', '0') + row('1', '300'))
text('csv-value/test.csv', row('0', '0'))
text('csv-label/train.csv', row('0', '0') + row('1', '0'))
text('csv-label/test.csv', row('0', '0') + row('7', '0'))
return true
