// k6/html on a fixture page: Selection traversal and reading, forms, Element and its kinds.
import { parseHTML, NodeType } from 'k6/html';
import { expectEqual, expectThrows, expectTrue } from './expect.js';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

const page = open('./fixtures/shop.html');

export default function () {
  const doc = parseHTML(page);
  expectEqual('title text', doc.find('title').text(), 'k6j shop');
  expectEqual('size', doc.find('li.product').size(), 3);
  expectEqual('attr', doc.find('h1').attr('id'), 'top');
  expectEqual('attr missing is undefined', doc.find('h1').attr('nope'), undefined);
  expectEqual('attr default', doc.find('h1').attr('nope', 'dflt'), 'dflt');
  expectEqual('html is the inner html of the first', doc.find('li').html(), '<a href="/p/1?ref=list#details">Lamp</a>');
  expectEqual('html of nothing', doc.find('video').html(), undefined);
  expectEqual('text joins all nodes', doc.find('li a').text(), 'LampChairDesk');
  expectEqual('eq / first / last', [doc.find('li').eq(1).text(), doc.find('li').first().text(), doc.find('li').last().text(), doc.find('li').eq(-1).text()], ['Chair', 'Lamp', 'Desk', 'Desk']);
  expectEqual('eq out of range is empty', doc.find('li').eq(9).size(), 0);
  expectEqual('slice', doc.find('li').slice(1).text(), 'ChairDesk');
  expectEqual('slice with end', doc.find('li').slice(0, 2).size(), 2);
  expectEqual('children', doc.find('ul').children().size(), 3);
  expectEqual('children filtered', doc.find('ul').children('.sold-out').text(), 'Desk');
  expectEqual('parent', doc.find('a').first().parent().attr('data-id'), '1');
  expectEqual('parents', doc.find('a').first().parents().map((i, s) => s.get(0).nodeName()), ['li', 'ul', 'body', 'html']);
  expectEqual('parents filtered', doc.find('a').first().parents('ul').attr('id'), 'products');
  expectEqual('parentsUntil', doc.find('a').first().parentsUntil('body').size(), 2);
  expectEqual('closest', doc.find('a').last().closest('ul').attr('id'), 'products');
  expectEqual('next / prev', [doc.find('li').first().next().text(), doc.find('li').last().prev().text()], ['Chair', 'Chair']);
  expectEqual('nextAll / prevAll', [doc.find('li').first().nextAll().size(), doc.find('li').last().prevAll().size()], [2, 2]);
  expectEqual('nextUntil', doc.find('li').first().nextUntil('.sold-out').text(), 'Chair');
  expectEqual('prevUntil', doc.find('li').last().prevUntil(doc.find('li').first()).text(), 'Chair');
  expectEqual('siblings', doc.find('li').eq(1).siblings().size(), 2);
  expectEqual('filter by selector', doc.find('li').filter('.sold-out').size(), 1);
  expectEqual('filter by function', doc.find('li').filter((i, s) => s.attr('data-id') !== '2').size(), 2);
  expectEqual('not', doc.find('li').not('.sold-out').size(), 2);
  expectEqual('not by function', doc.find('li').not((i) => i === 0).text(), 'ChairDesk');
  expectEqual('has', doc.find('body > *').has('a').attr('id'), 'products');
  expectTrue('is', doc.find('li').last().is('.sold-out') && !doc.find('li').first().is('.sold-out'));
  expectTrue('is with a Selection', doc.find('li').is(doc.find('.sold-out')));
  expectEqual('map', doc.find('li').map((i, s) => s.attr('data-id')), ['1', '2', '3']);
  const seen = [];
  doc.find('li a').each((i, el) => seen.push(i + ':' + el.textContent()));
  expectEqual('each gives Elements', seen, ['0:Lamp', '1:Chair', '2:Desk']);
  expectEqual('toArray', doc.find('li').toArray().map((s) => s.text()), ['Lamp', 'Chair', 'Desk']);
  expectEqual('contents includes text and comments', doc.find('body').contents().toArray().some((s) => s.get(0).nodeType() === NodeType.CommentNode), true);
  expectEqual('find with a Selection', doc.find('ul').find(doc.find('a')).size(), 3);
  expectEqual('end', doc.find('ul').find('li').end().attr('id'), 'products');
  expectEqual('add', doc.find('h1').add('title').size(), 2);
  expectEqual('data', doc.find('li').first().data(), { id: 1, price: 9.5, tags: ['a', 'b'], onSale: true });
  expectEqual('data key', doc.find('li').first().data('onSale'), true);
  expectThrows('a bad selector', () => doc.find('li[[['), 'invalid selector');

  // forms
  const formSel = doc.find('form');
  expectEqual('serializeArray', formSel.serializeArray(), [
    { name: 'customer', value: 'Ada' }, { name: 'token', value: 't0k3n' }, { name: 'gift', value: 'on' },
    { name: 'pay', value: 'card' }, { name: 'size', value: 'm' }, { name: 'colors', value: 'red' },
    { name: 'colors', value: 'g' }, { name: 'note', value: 'Leave it\r\nat the door' }]);
  expectEqual('serialize', formSel.serialize(), 'customer=Ada&token=t0k3n&gift=on&pay=card&size=m&colors=red&colors=g&note=Leave+it%0D%0Aat+the+door');
  expectEqual('serializeObject', formSel.serializeObject().colors, ['red', 'g']);
  expectEqual('val of input / select / multiple / textarea', [
    doc.find('input[name=customer]').val(), doc.find('select[name=size]').val(),
    doc.find('select[name=colors]').val(), doc.find('textarea').val()], ['Ada', 'm', ['red', 'g'], 'Leave it\nat the door']);

  // Element
  const h1 = doc.find('h1').get(0);
  expectEqual('nodeName / nodeType / id', [h1.nodeName(), h1.nodeType(), h1.id()], ['h1', 1, 'top']);
  expectEqual('classList / className', [h1.classList(), h1.className()], [['title', 'big'], 'title big']);
  expectEqual('attributes', Object.keys(h1.attributes()), ['id', 'class']);
  expectEqual('attribute node', h1.getAttributeNode('id').value, 'top');
  expectEqual('getAttribute / hasAttribute', [h1.getAttribute('class'), h1.hasAttribute('id'), h1.hasAttribute('x')], ['title big', true, false]);
  expectEqual('toString', String(h1), '[object html.Node]');
  expectTrue('matches', h1.matches('.big'));
  const ul = doc.find('ul').get(0);
  expectEqual('children / childElementCount', [ul.children().length, ul.childElementCount()], [3, 3]);
  expectEqual('firstElementChild / lastElementChild', [ul.firstElementChild().textContent(), ul.lastElementChild().textContent()], ['Lamp', 'Desk']);
  expectEqual('firstChild is text', ul.firstChild().nodeType(), NodeType.TextNode);
  expectEqual('querySelector(All)', [ul.querySelector('a').textContent(), ul.querySelectorAll('a').length], ['Lamp', 3]);
  expectEqual('getElementsBy*', [ul.getElementsByClassName('sold-out').length, ul.getElementsByTagName('li').length], [1, 3]);
  expectTrue('contains', ul.contains(ul.querySelector('a')) && !ul.contains(ul));
  expectTrue('isSameNode', ul.querySelector('li').isSameNode(doc.find('li').get(0)));
  expectEqual('parentElement / parentNode', [ul.parentElement().nodeName(), ul.parentNode().nodeName()], ['body', 'body']);
  expectEqual('ownerDocument', ul.ownerDocument().nodeName(), '#document');
  expectEqual('nextElementSibling', ul.nextElementSibling().nodeName(), 'form');
  expectEqual('lang', doc.find('html').get(0).lang(), 'en');

  // element kinds
  const [a1, a2] = doc.find('a').toArray().map((s) => s.get(0));
  expectEqual('anchor parts', [a2.protocol(), a2.hostname(), a2.port(), a2.host(), a2.pathname(), a2.username(), a2.password(), a2.origin()],
    ['https:', 'shop.example.com', '8443', 'shop.example.com:8443', '/p/2', 'user', 'pw', 'https://shop.example.com:8443']);
  expectEqual('relative anchor without a base url', [a1.href(), a1.search(), a1.hash(), a1.text()], ['/p/1?ref=list#details', '?ref=list', '#details', 'Lamp']);
  const withBase = parseHTML(page, 'https://k6j.dev/shop/');
  expectEqual('relative anchor with a base url', withBase.find('a').get(0).href(), 'https://k6j.dev/p/1?ref=list#details');
  expectEqual('anchor search and hash with a base url', [withBase.find('a').get(0).search(), withBase.find('a').get(0).hash()], ['?ref=list', '#details']);
  const form = doc.find('form').get(0);
  expectEqual('form', [form.action(), form.method(), form.enctype(), form.elements().length], ['/order', 'post', 'application/x-www-form-urlencoded', 11]);
  const input = doc.find('input[name=gift]').get(0);
  expectEqual('input', [input.type(), input.checked(), input.name(), input.form().id()], ['checkbox', true, 'gift', 'order']);
  const select = doc.find('select[name=size]').get(0);
  expectEqual('select', [select.selectedIndex(), select.options().length, select.value(), select.type()], [1, 2, 'm', 'select-one']);
  expectEqual('option', [select.options()[0].text(), select.options()[1].index(), select.options()[1].selected()], ['Small', 1, true]);
  expectEqual('button', [doc.find('button').get(0).type(), doc.find('button').get(0).value()], ['submit', '1']);
  expectEqual('table cells', [doc.find('tr').get(0).cells().length, doc.find('td').last().get(0).colSpan(), doc.find('td').last().get(0).cellIndex()], [2, 2, 1]);
  expectEqual('link relList', doc.find('link').get(0).relList(), ['stylesheet', 'next']);
}
