import type { PatientInput } from '../../shared/contract/patients';
import { fold } from '../../shared/text/fold';

/**
 * Fictional Canadian clinic patients, for the demo and the search benchmark.
 *
 * Deterministic: the same (count, seed) gives the same people, so a benchmark run can
 * be repeated and a demo screenshot reproduced. Names are combined from hand-written
 * root lists of many origins; within each list the order is the order of frequency,
 * and picks follow a Zipf-like law, so "Smith", "Nguyễn" and "Tremblay" are common
 * and "Þórsson" is rare, as at a real front desk. Hyphenated and double surnames,
 * compound given names ("Marie-Ève", "Thị Minh", "José Luis") and households sharing
 * a surname, address and home phone add thousands of distinct names and realistic
 * collisions. Everyone is invented; any likeness to a real person is chance.
 *
 * Phone numbers use real Canadian area codes with plausible exchanges, because the
 * 555-01xx fictional range holds only 100 numbers per area code. E-mail addresses use
 * the reserved example domains, so no message can ever reach anyone.
 */

// ---------------------------------------------------------------- random numbers

/** sfc32, seeded through splitmix32: small, fast, and the same on every platform. */
export function createRandom(seed: number) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const random = {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    weighted: <T>(items: ReadonlyArray<readonly [T, number]>): T => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1][0];
    },
  };
  return random;
}
export type Random = ReturnType<typeof createRandom>;

/**
 * Picks from a list ordered by frequency, Zipf–Mandelbrot: the weight of rank r is
 * 1 / (r + 1 + q)^s. The offset q flattens the head, as real name counts are
 * (Smith is about 1 % of English-speaking Canadians, not 20 %).
 */
class Zipf<T> {
  private readonly cumulative: number[] = [];
  constructor(
    readonly items: readonly T[],
    exponent: number,
    offset: number,
  ) {
    let total = 0;
    items.forEach((_, rank) => {
      total += 1 / Math.pow(rank + 1 + offset, exponent);
      this.cumulative.push(total);
    });
  }
  pick(random: Random): T {
    const r = random.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

// ---------------------------------------------------------------- names

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

type Sex = 'female' | 'male';

interface OriginSpec {
  weight: number;
  last: string;
  female: string;
  male: string;
  languages: ReadonlyArray<readonly [string, number]>;
  /** Share of this origin living in Quebec, New Brunswick or the Ottawa–Gatineau area. */
  francophone?: number;
  /** How given names are compounded: "Marie-" + name, two names, … */
  compound?: (random: Random, sex: Sex, pick: () => string) => string | null;
  /** Surnames that change with sex (Polish -ski / -ska). */
  surnameFor?: (surname: string, sex: Sex) => string;
  /** Share of patients of this origin carrying two surnames ("García López"). */
  doubleSurname?: number;
}

const origins = {
  anglo: {
    weight: 30,
    last: `Smith, Brown, Wilson, MacDonald, Taylor, Campbell, Anderson, Johnson, Jones, Williams, Thompson, Martin,
      Clark, Robinson, Walker, Scott, Stewart, Young, White, Wright, Miller, Mitchell, Ross, Murray, Murphy, Reid,
      Kelly, Hall, Graham, Fraser, MacLeod, Morrison, Henderson, Hamilton, Bell, Kennedy, Cameron, O'Brien, Ferguson,
      Harris, King, Moore, Ryan, Lewis, Evans, Hughes, Green, Baker, O'Connor, Adams, Sullivan, Turner, Parker, Walsh,
      Cooper, Ward, Collins, Bennett, Gray, Russell, O'Neill, Palmer, Wood, Cook, Morgan, Watson, Hill, Ellis, Byrne,
      McCarthy, Fletcher, Hunter, Armstrong, Sinclair, McKenzie, MacKinnon, McLean, Doyle, Sutherland, Gallagher,
      Cunningham, Gordon, Douglas, Quinn, Forbes, Grant, Patterson, Simpson, Kavanagh, Spencer, Chapman, Fitzgerald,
      O'Sullivan, Hayward, Brennan, Whitfield, Donnelly, Ashworth, McNamara, Pemberton, O'Reilly, Blackwood, Dunne,
      Thornton, Flanagan, Ingram, Nolan, Holloway, Kearney, D'Arcy, O'Shea, MacIsaac, McGillivray, Beaton,
      Ní Dhomhnaill, Ó Briain, Fairweather, Abernethy, Colquhoun, Urquhart, Featherstonehaugh`,
    female: `Sarah, Jennifer, Emily, Jessica, Emma, Olivia, Ashley, Amanda, Elizabeth, Megan, Hannah, Lauren, Rachel,
      Laura, Nicole, Stephanie, Michelle, Katherine, Rebecca, Samantha, Chloe, Madison, Charlotte, Ava, Sophie, Grace,
      Lily, Amelia, Abigail, Mary, Linda, Susan, Karen, Patricia, Barbara, Margaret, Dorothy, Helen, Joan, Carol,
      Janet, Heather, Kimberly, Melissa, Angela, Brenda, Deborah, Diane, Catherine, Christine, Julie, Leah, Kayla,
      Brooke, Paige, Harper, Evelyn, Nora, Zoë, Zoey, Claire, Alice, Ruth, Irene, Doris, Shirley, Judith, Gwendolyn,
      Bronwyn, Siobhan, Aoife, Niamh, Saoirse, Caoimhe, Eileen, Maeve, Fiona, Isla, Eilidh, Morag, Ainsley, Hazel,
      Penelope, Beatrix, Philippa, Rosalind`,
    male: `James, John, Robert, Michael, William, David, Richard, Thomas, Daniel, Matthew, Christopher, Andrew, Joseph,
      Ryan, Kevin, Brian, Mark, Jason, Scott, Steven, Paul, Jeffrey, Gary, Kenneth, Donald, George, Edward, Peter,
      Douglas, Gordon, Ian, Ross, Cameron, Liam, Noah, Ethan, Benjamin, Lucas, Jack, Owen, Logan, Nathan, Dylan,
      Tyler, Connor, Brandon, Justin, Jordan, Kyle, Graham, Malcolm, Angus, Hamish, Alistair, Callum, Eoin, Seán,
      Ciarán, Pádraig, Declan, Cormac, Fergus, Rhys, Gareth, Dafydd, Harold, Walter, Arthur, Ernest, Frederick,
      Wilfred, Reginald, Clifford, Wayne, Dale, Barnaby, Rupert, Tobias`,
    languages: [['English', 1]],
    compound: (random, sex, pick) => (random.chance(0.04) ? `${pick()} ${sex === 'female' ? random.pick(['Anne', 'Jane', 'Lynn', 'Marie', 'Rose']) : random.pick(['Lee', 'James', 'John', 'Ray'])}` : null),
  },
  french: {
    weight: 15,
    francophone: 0.85,
    last: `Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin, Gagné, Ouellet, Pelletier, Bélanger,
      Lévesque, Bergeron, Leblanc, Paquette, Girard, Simard, Boucher, Caron, Beaulieu, Cloutier, Dubé, Poirier,
      Fournier, Lapointe, Leclerc, Lefebvre, Poulin, Thibault, St-Pierre, Nadeau, Martel, Landry, Mercier,
      Desjardins, Bérubé, Rousseau, Lachance, Champagne, Thériault, Béland, Deschamps, Archambault, Ménard, Parent,
      Vaillancourt, D'Amours, Saint-Onge, Lemieux, Hébert, Marchand, Grenier, Brisebois, Dion, Lacroix,
      Charbonneau, Allard, Turcotte, Proulx, Gingras, Boisvert, Paradis, Robitaille, Séguin, Chartrand, Doucet,
      Arsenault, Cormier, LeBlanc, Gélinas, Duchesne, Tousignant, Lespérance, Trudeau, Lalonde, Desrochers,
      L'Heureux, D'Aoust, Bourque, Babineau, Daigle, Goguen, Richard, Vézina, Thiboutot, Létourneau`,
    female: `Marie, Julie, Isabelle, Nathalie, Sophie, Catherine, Geneviève, Mélanie, Valérie, Stéphanie, Chantal,
      Sylvie, Johanne, Josée, Manon, Émilie, Camille, Léa, Chloé, Florence, Rosalie, Béatrice, Maude, Audrey, Annie,
      Karine, Caroline, Véronique, Francine, Ginette, Monique, Lise, Pierrette, Thérèse, Jacqueline, Madeleine,
      Huguette, Solange, Gisèle, Noémie, Océane, Éloïse, Maëlle, Zoé, Anaïs, Marie-Ève, Marie-Claude, Marie-Josée,
      Anne-Marie, Marie-Hélène, Marie-Pier, Ghislaine, Raymonde, Élise`,
    male: `Jean, Pierre, Michel, André, Luc, François, Marc, Stéphane, Sylvain, Martin, Alain, Daniel, Denis, Éric,
      Yves, Gilles, Réjean, Gaétan, Normand, Serge, Benoît, Mathieu, Maxime, Alexandre, Olivier, Guillaume, Simon,
      Philippe, Louis, Gabriel, Félix, Samuel, William, Thomas, Antoine, Étienne, Jérôme, Sébastien, Frédéric,
      Raphaël, Noël, Léo, Émile, Hugo, Jean-François, Jean-Philippe, Jean-Sébastien, Pierre-Luc, Marc-André,
      Jean-Guy, Jean-Claude, Ghislain, Rosaire, Clément`,
    languages: [['French', 8], ['English', 2]],
    compound: (random, sex, pick) => {
      if (!random.chance(0.12)) return null;
      const name = pick();
      if (name.includes('-')) return name;
      return sex === 'female' ? `${random.pick(['Marie', 'Anne', 'Marie', 'Rose'])}-${name}` : `${random.pick(['Jean', 'Pierre', 'Jean', 'Louis'])}-${name}`;
    },
  },
  chinese: {
    weight: 10,
    last: `Wang, Li, Zhang, Liu, Chen, Wong, Lee, Chan, Lam, Cheung, Ho, Ng, Leung, Yang, Huang, Zhao, Wu, Zhou, Xu,
      Sun, Ma, Zhu, Hu, Guo, He, Lin, Luo, Gao, Zheng, Liang, Xie, Tang, Han, Feng, Deng, Cao, Yip, Tse, Kwok, Lau,
      Chow, Fung, Yuen, Mak, Tsang, Chu, Lo, Szeto, Au-Yeung, Ouyang, Situ, Tam, Choi, Kwan, Poon`,
    female: `Wei, Mei, Li, Jing, Yan, Hui, Ling, Fang, Xin, Yu, Ying, Lan, Hong, Qing, Xiaoling, Meiling, Jiayi, Yuxin,
      Zihan, Xinyi, Shuang, Ting, Yun, Zhen, Lijuan, Xiaomei, Xiuying, Ka Yan, Wing Yee, Mei Ling, Yuk Lan, Oi Lin,
      Jennifer, Grace, Winnie, Cindy, Vivian, Fiona, Iris, Jasmine, Tiffany, Cherry, Queenie`,
    male: `Wei, Jun, Hao, Ming, Jian, Lei, Yong, Jie, Tao, Chao, Bo, Gang, Qiang, Zhiwei, Haoran, Yichen, Zihao,
      Yuxuan, Jiahao, Junjie, Zhiqiang, Kwok Wai, Chi Keung, Ka Ho, Wing Kin, Chun Man, Kevin, Eric, Raymond,
      Kenneth, Alan, Calvin, Dennis, Henry, Vincent, Stanley`,
    languages: [['English', 4], ['Mandarin', 4], ['Cantonese', 3]],
  },
  southAsian: {
    weight: 9,
    last: `Singh, Kaur, Patel, Sharma, Gill, Sandhu, Dhillon, Grewal, Sidhu, Brar, Shah, Gupta, Kumar, Khan, Chopra,
      Malhotra, Mehta, Desai, Joshi, Iyer, Reddy, Nair, Rao, Banerjee, Chatterjee, Mukherjee, Bhatt, Aggarwal,
      Kapoor, Verma, Pillai, Menon, Thakkar, Trivedi, Hussain, Chaudhry, Siddiqui, Perera, Fernando, Jayasuriya,
      Rahman, Sodhi, Bains, Toor, Johal, Mann, Randhawa, Aulakh, Dhaliwal, Virk, Bhullar, Pandher, Subramanian,
      Krishnan, Ganguly, Qureshi, Sheikh`,
    female: `Priya, Anjali, Sunita, Harpreet, Manpreet, Gurpreet, Jaspreet, Simran, Navneet, Amandeep, Rajinder,
      Kamaljit, Neha, Pooja, Kavya, Aarti, Deepika, Meera, Lakshmi, Divya, Ananya, Shreya, Isha, Riya, Aisha,
      Fatima, Sana, Nusrat, Farzana, Shabnam, Parveen, Jasleen, Harleen, Tanvi, Nirmala, Savitri, Padma`,
    male: `Rajesh, Amit, Sanjay, Vikram, Arjun, Rahul, Harjit, Gurpreet, Jaswinder, Sukhwinder, Balwinder, Harpal,
      Manjit, Kuldeep, Paramjit, Rajinder, Deepak, Suresh, Ramesh, Anil, Vijay, Arun, Karan, Rohan, Aryan, Dev,
      Aditya, Imran, Farhan, Bilal, Omar, Tariq, Zain, Kabir, Nikhil, Prakash, Srinivas, Venkatesh`,
    languages: [['English', 5], ['Punjabi', 4], ['Hindi', 2], ['Gujarati', 1], ['Urdu', 1], ['Tamil', 1]],
  },
  vietnamese: {
    weight: 3,
    last: `Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý, Đinh, Trương, Lâm,
      Mai, Tạ, Cao, Quách, Lương, Thái, Hà`,
    female: `Lan, Hương, Mai, Hoa, Anh, Trang, Linh, Châu, Ngọc, Nhung, Oanh, Dung, Hà, Vy, Hạnh, Thảo, Yến, Uyên,
      Quỳnh, Thu, Phương, Hằng, Giang, My`,
    male: `Minh, Hùng, Tuấn, Anh, Huy, Nam, Tùng, Long, Bảo, Dũng, Hải, Phúc, Khang, Khoa, Thành, Trung, Vinh, Đạt,
      Quang, Sơn, Hiếu, Cường, Phong, Đức`,
    languages: [['Vietnamese', 5], ['English', 5]],
    // Given names are mostly a middle name and a name: "Thị Lan", "Văn Minh", "Ngọc Anh".
    compound: (random, sex, pick) => {
      const name = pick();
      if (random.chance(0.25)) return name;
      const middle = sex === 'female'
        ? random.weighted([['Thị', 5], ['Ngọc', 2], ['Thanh', 2], ['Bảo', 1], ['Minh', 1], ['Thu', 1]] as const)
        : random.weighted([['Văn', 5], ['Minh', 2], ['Đức', 2], ['Quang', 1], ['Hoàng', 1], ['Quốc', 1]] as const);
      return middle === name ? name : `${middle} ${name}`;
    },
  },
  filipino: {
    weight: 4,
    last: `Santos, Reyes, Cruz, Bautista, Ocampo, Garcia, Mendoza, Torres, Tomas, Andrada, Castillo, Flores,
      Villanueva, Ramos, Castro, Rivera, Aquino, Navarro, Salazar, Mercado, Dizon, Manalo, Macaraeg, Dela Cruz,
      De Leon, Pangilinan, Lacson, Soriano, Tolentino, Gonzales, Domingo, Del Rosario, Magbanua, Sison, Evangelista`,
    female: `Maria, Marites, Maricel, Rowena, Jocelyn, Cristina, Rosario, Erlinda, Lourdes, Imelda, Corazon, Jasmine,
      Kristine, Angelica, Princess, Joy, Mary Grace, Ma. Luisa, Maria Cristina, Rhea, Divina, Liezel, Analyn`,
    male: `Jose, Juan, Mark, John Paul, Jerome, Rodel, Romeo, Ramon, Eduardo, Ferdinand, Danilo, Rogelio, Reynaldo,
      Arnel, Jun, Bong, Jayson, Christian, Carlo, Paolo, Noel, Ariel, Jericho`,
    languages: [['English', 6], ['Tagalog', 4]],
    compound: (random, _sex, pick) => (random.chance(0.1) ? `${pick()} ${pick()}` : null),
  },
  korean: {
    weight: 2,
    last: `Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Oh, Seo, Shin, Kwon, Hwang, Ahn, Song, Yoo,
      Hong, Jeon, Ko, Moon, Yang, Son, Bae, Baek, Heo, Nam, Shim`,
    female: `Ji-woo, Seo-yeon, Min-ji, Su-bin, Ha-eun, Ji-hye, Eun-ji, Yoo-jin, Hye-jin, Soo-jin, Mi-young,
      Young-hee, Kyung-soon, Jin-ah, Da-eun, Yuna, Soo-ah`,
    male: `Min-jun, Seo-jun, Ji-ho, Do-yun, Jae-won, Hyun-woo, Sung-min, Dong-hyun, Jun-ho, Young-ho, Sang-hoon,
      Jae-sung, Tae-yang, Kyung-ho, Joon, Min-seok`,
    languages: [['Korean', 5], ['English', 5]],
  },
  japanese: {
    weight: 1,
    last: `Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, Yamada,
      Sasaki, Matsumoto, Inoue, Kimura, Hayashi, Shimizu, Mori, Ikeda, Ōno, Saitō, Kondō`,
    female: `Yuki, Haruka, Aoi, Sakura, Yui, Miyu, Keiko, Yoko, Naoko, Akiko, Emiko, Hana, Mei, Yūko`,
    male: `Hiroshi, Takashi, Kenji, Satoshi, Daisuke, Haruto, Sota, Yuto, Ren, Kenta, Takumi, Shōta, Kōji`,
    languages: [['English', 6], ['Japanese', 4]],
  },
  middleEastern: {
    weight: 4,
    last: `Haddad, Khoury, Nasser, Saleh, Hassan, Ali, Ahmed, Mohamed, Abdullah, Ibrahim, Mahmoud, Youssef, Khalil,
      Aziz, Hamdan, Farah, Mansour, Sabbagh, Al-Sayed, El-Amin, Abou-Khalil, Bou Saab, Karimi, Hosseini, Rezaei,
      Mohammadi, Ahmadi, Jafari, Tehrani, Moradi, Rahimi, Sadeghi, Yılmaz, Demir, Şahin, Öztürk, Çelik, Kaya,
      Al-Khatib, Abdel-Malek`,
    female: `Fatima, Aisha, Mariam, Layla, Noor, Yasmin, Rania, Hiba, Lina, Salma, Zainab, Amira, Huda, Rana, Dina,
      Leila, Maryam, Shirin, Parisa, Nasrin, Zahra, Mahsa, Niloufar, Elif, Zeynep, Ayşe, Büşra`,
    male: `Mohammed, Ahmed, Ali, Omar, Youssef, Hassan, Hussein, Khalid, Karim, Samir, Tarek, Walid, Bilal, Ibrahim,
      Mustafa, Abdul Rahman, Abdullah, Reza, Amir, Mehdi, Hamid, Dariush, Arash, Mehmet, Emre, Burak, Çağrı`,
    languages: [['English', 4], ['Arabic', 4], ['Farsi', 2], ['Turkish', 1], ['French', 1]],
    francophone: 0.2,
  },
  hispanic: {
    weight: 3,
    doubleSurname: 0.3,
    last: `García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez, Torres, Flores, Rivera,
      Gómez, Díaz, Morales, Reyes, Cruz, Ortiz, Gutiérrez, Chávez, Ramos, Ruiz, Mendoza, Castillo, Vargas, Jiménez,
      Romero, Herrera, Medina, Aguilar, Núñez, Peña, Muñoz, Ibáñez, Castañeda, Villaseñor`,
    female: `María, Carmen, Lucía, Sofía, Valentina, Isabella, Camila, Daniela, Gabriela, Alejandra, Ana, Fernanda,
      Paula, Mariana, Natalia, Ximena, Guadalupe, Rocío, Inés, Pilar, Begoña, Ángela, María José, Ana Sofía`,
    male: `José, Juan, Carlos, Luis, Jorge, Miguel, Alejandro, Diego, Javier, Andrés, Fernando, Ricardo, Eduardo,
      Mateo, Santiago, Sebastián, Nicolás, Martín, Joaquín, Raúl, Óscar, Jesús, José Luis, Juan Carlos, Juan Pablo`,
    languages: [['Spanish', 5], ['English', 5]],
  },
  southernEuropean: {
    weight: 4,
    last: `Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti,
      De Luca, Costa, D'Angelo, Lombardi, Moretti, Silva, Santos, Ferreira, Pereira, Oliveira, Sousa, Rodrigues,
      Almeida, Medeiros, Papadopoulos, Georgiou, Nikolaidis, Konstantinidis, Di Giacomo, Dell'Orto, Carvalho,
      Gonçalves`,
    female: `Giulia, Francesca, Chiara, Maria, Rosa, Angela, Lucia, Teresa, Giovanna, Antonella, Sofia, Alessandra,
      Ana, Beatriz, Inês, Fernanda, Conceição, Eleni, Despina, Georgia, Katerina`,
    male: `Giuseppe, Giovanni, Antonio, Francesco, Marco, Luca, Matteo, Alessandro, Lorenzo, Salvatore, Vincenzo,
      Domenico, João, José, Manuel, Rui, Tiago, Gonçalo, Nikolaos, Georgios, Dimitrios, Konstantinos`,
    languages: [['English', 7], ['Italian', 2], ['Portuguese', 2], ['Greek', 1]],
  },
  germanic: {
    weight: 5,
    last: `Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch,
      Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hofmann, Hartmann, Lange,
      Schmitt, Werner, Krause, Köhler, Groß, Weiß, Strauß, Friesen, Penner, Klassen, Dyck, Enns, Wiebe, Thiessen,
      Janzen, Van der Berg, de Vries, Van Dijk, Jansen, Bakker, Visser, Smit, de Jong, Vandenberg, Van Rijn`,
    female: `Ursula, Ingrid, Helga, Gisela, Monika, Sabine, Petra, Claudia, Anja, Katrin, Birgit, Jutta, Heike,
      Gertrud, Hildegard, Lena, Lea, Mia, Hanna, Annika, Marlies, Sanne, Femke, Anke, Elke, Käthe, Liesel,
      Margarete, Frieda`,
    male: `Hans, Klaus, Jürgen, Dieter, Wolfgang, Günter, Uwe, Stefan, Jörg, Matthias, Tobias, Florian, Lukas, Jonas,
      Maximilian, Felix, Bernd, Horst, Karl, Heinrich, Friedrich, Dirk, Jan, Pieter, Joost, Bram, Sven, Jannik`,
    languages: [['English', 9], ['German', 1]],
  },
  eastEuropean: {
    weight: 4,
    last: `Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak,
      Dąbrowski, Kozłowski, Jankowski, Mazur, Krawczyk, Piotrowski, Grabowski, Pawłowski, Michalski, Król,
      Wieczorek, Jabłoński, Zając, Żak, Błaszczykowski, Kovalenko, Shevchenko, Bondarenko, Tkachenko, Melnyk,
      Kravchuk, Hnatyshyn, Petrenko, Kuznetsov, Popescu, Horváth, Novák, Dvořák, Svoboda, Łukaszewicz`,
    female: `Anna, Katarzyna, Małgorzata, Agnieszka, Magdalena, Joanna, Ewa, Barbara, Krystyna, Zofia, Aleksandra,
      Marta, Dorota, Jadwiga, Halina, Grażyna, Bożena, Wiesława, Oksana, Olena, Iryna, Natalia, Tetiana, Yulia,
      Svitlana, Halyna`,
    male: `Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Michał, Marcin, Łukasz, Jakub, Mateusz, Grzegorz, Wojciech, Jan,
      Stanisław, Zbigniew, Jerzy, Tadeusz, Bartłomiej, Przemysław, Kazimierz, Mykola, Oleksandr, Volodymyr, Taras,
      Bohdan, Yaroslav, Dmytro, Andriy`,
    languages: [['English', 6], ['Polish', 2], ['Ukrainian', 2]],
    // Polish surnames agree with sex: Kowalski, Kowalska.
    surnameFor: (surname, sex) => (sex === 'female' ? surname.replace(/(sk|ck|dzk)i$/, '$1a') : surname),
  },
  nordic: {
    weight: 2,
    last: `Andersen, Hansen, Johansen, Nielsen, Jensen, Larsen, Pedersen, Kristiansen, Olsen, Sørensen, Jørgensen,
      Møller, Christensen, Rasmussen, Lindqvist, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Lindström,
      Bergström, Åkesson, Sjöberg, Virtanen, Korhonen, Mäkinen, Nieminen, Hämäläinen, Laine, Þórsson,
      Guðmundsdóttir, Ærenlund, Østergaard, Bækgaard, Skovgård, Ødegaard, Kjær, Sæther, Løkke, Bjørnstad, Ærø`,
    female: `Ingrid, Astrid, Sigrid, Freja, Solveig, Kirsten, Birgitte, Mette, Liv, Karin, Åsa, Maja, Elin, Linnéa,
      Sanna, Aino, Helmi, Saara, Guðrún, Sigríður, Þóra, Ragnhild, Tove, Signe`,
    male: `Søren, Lars, Anders, Erik, Nils, Magnus, Bjørn, Jens, Henrik, Mikkel, Kasper, Rasmus, Torbjörn, Åke, Göran,
      Jörgen, Olli, Juha, Matti, Jussi, Þór, Sigurður, Einar, Leif, Håkon, Øyvind, Ævar`,
    languages: [['English', 1]],
  },
  indigenous: {
    weight: 3,
    last: `Cardinal, Thomas, Sinclair, Bellegarde, Courchene, Nepinak, Swampy, Linklater, Spence, Flett, Beardy,
      Meekis, Kakegamic, Crowchild, Starblanket, Yellowhorn, Manyfingers, Bigeagle, Morningstar, Okimaw, Moose,
      Montour, Diabo, Jacobs, McComber, Two-Rivers, Deer, Kunuk, Qitsualik, Ittinuar, Arnatsiaq, Kilabuk,
      Akeeagok, Nutarak, Tagalik, Ipeelee, Laboucan, Letendre, Desjarlais, Gladue, L'Hirondelle`,
    female: `Tanis, Kateri, Winona, Cheyenne, Dakota, Skye, Autumn, Shania, Leona, Sheila, Marlene, Bernice,
      Geraldine, Tracy-Lee, Alasie, Nuvuja, Paniloo, Siqiniq, Angela, Rose, Delphine, Sara`,
    male: `Cody, Tyson, Dakota, Kyle, Travis, Dwayne, Clayton, Rodney, Wesley, Darcy, Jordan, Tecumseh, Pauloosie,
      Jaypeetee, Inuk, Joseph, Louis, Raymond, Ronald, Gerald`,
    languages: [['English', 8], ['Cree', 1], ['Inuktitut', 1], ['French', 1]],
  },
  africanCaribbean: {
    weight: 3,
    last: `Okafor, Adeyemi, Mensah, Osei, Boateng, Nwosu, Eze, Abebe, Tesfaye, Haile, Mohamud, Warsame,
      Jean-Baptiste, Pierre, Joseph, Charles, Louis, Desrosiers, Toussaint, Baptiste, Richards, Francis, Clarke,
      Diallo, Traoré, N'Diaye, Ndiaye, Okonkwo, Asante, Kamara, Bangura, Etienne, Saint-Fleur`,
    female: `Chioma, Ngozi, Adaeze, Amara, Folake, Yetunde, Abena, Akosua, Ama, Efua, Hiwot, Selam, Meron, Hodan,
      Fadumo, Nadège, Fabienne, Mireille, Roseline, Marie-Carmelle, Shanice, Keisha, Tamika, Aaliyah, Jada`,
    male: `Chinedu, Emeka, Oluwaseun, Tunde, Kwame, Kofi, Yaw, Kwabena, Dawit, Yonas, Abdi, Mohamed, Jean-Robert,
      Wilfrid, Frantz, Ricardo, Dwayne, Marlon, Andre, Jamal, Malik, Darnell, Tremaine`,
    languages: [['English', 6], ['French', 2], ['Haitian Creole', 1], ['Somali', 1], ['Amharic', 1]],
    francophone: 0.35,
  },
} satisfies Record<string, OriginSpec>;

type OriginName = keyof typeof origins;

interface Origin extends OriginSpec {
  name: OriginName;
  lastNames: Zipf<string>;
  given: Record<Sex, Zipf<string>>;
}

const compiled: Origin[] = (Object.entries(origins) as Array<[OriginName, OriginSpec]>).map(([name, spec]) => ({
  ...spec,
  name,
  lastNames: new Zipf(list(spec.last), 1.1, 4),
  given: { female: new Zipf(list(spec.female), 1, 3), male: new Zipf(list(spec.male), 1, 3) },
}));
const byName = new Map(compiled.map((o) => [o.name, o]));
const anglo = byName.get('anglo')!;
const originPick = compiled.map((o) => [o, o.weight] as const);

/** English names many people of every origin use day to day, as first or preferred name. */
const everydayNames: Record<Sex, readonly string[]> = {
  female: list('Jenny, Annie, Grace, Vicky, Mandy, Cathy, Linda, Helen, Amy, Lily, Joyce, Connie, Kelly, Tina, Sue'),
  male: list('Tony, Danny, Eddie, Jimmy, Kenny, Sam, Ben, Andy, Alex, Max, Eric, Peter, Johnny, Ray, Vince'),
};

/** Short forms front-desk staff hear on the phone. */
const nicknames: Record<string, readonly string[]> = {
  William: ['Bill', 'Will', 'Liam'], Robert: ['Bob', 'Rob', 'Bobby'], Elizabeth: ['Liz', 'Beth', 'Betty'],
  Margaret: ['Maggie', 'Peggy', 'Meg'], Katherine: ['Kate', 'Katie', 'Kathy'], Catherine: ['Cathy', 'Cat'],
  Richard: ['Rick', 'Dick', 'Rich'], James: ['Jim', 'Jamie'], Michael: ['Mike', 'Mick'], Jennifer: ['Jen', 'Jenny'],
  Christopher: ['Chris', 'Kit'], Alexandre: ['Alex'], Alexander: ['Alex', 'Sandy'], Rebecca: ['Becky', 'Becca'],
  Samantha: ['Sam'], Benjamin: ['Ben'], Matthew: ['Matt'], Daniel: ['Dan', 'Danny'], Joseph: ['Joe', 'Joey'],
  Thomas: ['Tom', 'Tommy'], Edward: ['Ed', 'Ted', 'Eddie'], Patricia: ['Pat', 'Trish'], Deborah: ['Deb', 'Debbie'],
  Kimberly: ['Kim'], Stephanie: ['Steph'], Frederick: ['Fred'], Nicholas: ['Nick'], Jonathan: ['Jon'],
  Anthony: ['Tony'], Andrew: ['Andy', 'Drew'], Kenneth: ['Ken', 'Kenny'], Donald: ['Don'], Gordon: ['Gord'],
  Douglas: ['Doug'], Gwendolyn: ['Gwen'], Penelope: ['Penny'], Philippa: ['Pippa'], Maximilian: ['Max'],
  Małgorzata: ['Gosia'], Katarzyna: ['Kasia'], Aleksandra: ['Ola'], Łukasz: ['Luke'], Krzysztof: ['Chris'],
  Oleksandr: ['Sasha'], 'Jean-François': ['JF'], 'Marie-Ève': ['Marie'], Guðrún: ['Gunna'], Siobhan: ['Shiv'],
  Mohammed: ['Mo'], Giuseppe: ['Joe', 'Beppe'], Francesca: ['Frankie'], Oluwaseun: ['Seun'], Santiago: ['Santi'],
};

// ---------------------------------------------------------------- places

interface City {
  city: string;
  region: string;
  areaCodes: readonly string[];
  postal: readonly string[]; // forward sortation area prefixes (first two characters)
  weight: number;
  french?: boolean;
}

const cities: readonly City[] = [
  { city: 'Vancouver', region: 'BC', areaCodes: ['604', '778', '236'], postal: ['V5', 'V6'], weight: 9 },
  { city: 'Burnaby', region: 'BC', areaCodes: ['604', '778'], postal: ['V5'], weight: 3 },
  { city: 'Surrey', region: 'BC', areaCodes: ['604', '778', '236'], postal: ['V3', 'V4'], weight: 4 },
  { city: 'Richmond', region: 'BC', areaCodes: ['604', '778'], postal: ['V6', 'V7'], weight: 2 },
  { city: 'Victoria', region: 'BC', areaCodes: ['250', '778'], postal: ['V8', 'V9'], weight: 3 },
  { city: 'Kelowna', region: 'BC', areaCodes: ['250', '236'], postal: ['V1'], weight: 1.5 },
  { city: 'Toronto', region: 'ON', areaCodes: ['416', '647', '437'], postal: ['M4', 'M5', 'M6', 'M1', 'M2'], weight: 14 },
  { city: 'Mississauga', region: 'ON', areaCodes: ['905', '289', '365'], postal: ['L4', 'L5'], weight: 5 },
  { city: 'Brampton', region: 'ON', areaCodes: ['905', '289', '365'], postal: ['L6'], weight: 4 },
  { city: 'Ottawa', region: 'ON', areaCodes: ['613', '343'], postal: ['K1', 'K2'], weight: 6 },
  { city: 'Hamilton', region: 'ON', areaCodes: ['905', '289'], postal: ['L8', 'L9'], weight: 3 },
  { city: 'London', region: 'ON', areaCodes: ['519', '226'], postal: ['N5', 'N6'], weight: 2 },
  { city: 'Thunder Bay', region: 'ON', areaCodes: ['807'], postal: ['P7'], weight: 0.7 },
  { city: 'Montréal', region: 'QC', areaCodes: ['514', '438'], postal: ['H1', 'H2', 'H3', 'H4'], weight: 10, french: true },
  { city: 'Laval', region: 'QC', areaCodes: ['450', '579'], postal: ['H7'], weight: 2.5, french: true },
  { city: 'Québec', region: 'QC', areaCodes: ['418', '581'], postal: ['G1', 'G2'], weight: 4, french: true },
  { city: 'Gatineau', region: 'QC', areaCodes: ['819', '873'], postal: ['J8', 'J9'], weight: 2, french: true },
  { city: 'Sherbrooke', region: 'QC', areaCodes: ['819', '873'], postal: ['J1'], weight: 1.2, french: true },
  { city: 'Calgary', region: 'AB', areaCodes: ['403', '587', '825'], postal: ['T2', 'T3'], weight: 7 },
  { city: 'Edmonton', region: 'AB', areaCodes: ['780', '587', '825'], postal: ['T5', 'T6'], weight: 6 },
  { city: 'Winnipeg', region: 'MB', areaCodes: ['204', '431'], postal: ['R2', 'R3'], weight: 4 },
  { city: 'Saskatoon', region: 'SK', areaCodes: ['306', '639'], postal: ['S7'], weight: 1.5 },
  { city: 'Regina', region: 'SK', areaCodes: ['306', '639'], postal: ['S4'], weight: 1.2 },
  { city: 'Halifax', region: 'NS', areaCodes: ['902', '782'], postal: ['B3'], weight: 2.5 },
  { city: 'Moncton', region: 'NB', areaCodes: ['506'], postal: ['E1'], weight: 1, french: true },
  { city: "St. John's", region: 'NL', areaCodes: ['709'], postal: ['A1'], weight: 1 },
  { city: 'Iqaluit', region: 'NU', areaCodes: ['867'], postal: ['X0'], weight: 0.2 },
];

const englishStreets = list(`Main St, King St W, Queen St E, Yonge St, Granville St, Commercial Dr, Oak St, Maple Ave,
  Cedar Cres, Elm St, Victoria Dr, Jasper Ave, 17 Ave SW, Portage Ave, Spring Garden Rd, Broadway W, Kingsway,
  Dundas St W, Bloor St W, Bank St, Elgin St, Whyte Ave, Robson St, Fraser St, Hastings St E, Harbour Rd,
  Lakeshore Rd, Pine Ridge Dr, Birch Lane, Willow Way, Church St, Mill Rd, Park Ave, Hillside Ave, Riverside Dr`);
const frenchStreets = list(`rue Saint-Denis, rue Sainte-Catherine E, boulevard René-Lévesque O, avenue du Parc,
  chemin Sainte-Foy, rue Saint-Jean, avenue Laurier O, rue Notre-Dame O, boulevard Saint-Laurent, rue de la Montagne,
  rue Wellington, rue Principale, boulevard des Laurentides, avenue Cartier, rue des Érables, chemin du Lac,
  rue Champlain, rue Jacques-Cartier, boulevard de l'Hôpital, rue Ontario E`);

const postalLetters = [...'ABCEGHJKLMNPRSTVWXYZ'];

// ---------------------------------------------------------------- the generator

function birthDate(random: Random): string {
  // Massage and physiotherapy patients are mostly working-age adults; children and
  // the very old come too. Years 1930–2020.
  const year = random.weighted([
    [[1930, 1944], 3], [[1945, 1959], 14], [[1960, 1974], 24], [[1975, 1989], 28],
    [[1990, 2004], 24], [[2005, 2020], 7],
  ] as const);
  const y = random.int(year[0], year[1]);
  const m = random.int(1, 12);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = random.int(1, days);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function phoneNumber(random: Random, city: City): string {
  const area = random.pick(city.areaCodes);
  // Central office codes start 2–9 and are never N11; 555 is kept out so nobody
  // mistakes these for the fictional range.
  let exchange: number;
  do exchange = random.int(200, 999);
  while (exchange % 100 === 11 || exchange === 555 || exchange === 911);
  const line = String(random.int(0, 9999)).padStart(4, '0');
  return formatPhone(random, area, String(exchange), line);
}

/** The same number, written the ways people write it. */
function formatPhone(random: Random, area: string, exchange: string, line: string): string {
  return random.weighted([
    [`(${area}) ${exchange}-${line}`, 4],
    [`${area}-${exchange}-${line}`, 4],
    [`${area} ${exchange} ${line}`, 2],
    [`${area}.${exchange}.${line}`, 1],
    [`${area}${exchange}${line}`, 1],
    [`+1 ${area} ${exchange} ${line}`, 1],
  ] as const);
}

function postalCode(random: Random, city: City): string {
  // W and Z never start a postal code (the prefixes above are real), but may follow.
  const letter = () => random.pick(postalLetters);
  const digit = () => String(random.int(0, 9));
  return `${random.pick(city.postal)}${letter()} ${digit()}${letter()}${digit()}`;
}

const ascii = (name: string) => fold(name).replace(/[^a-z0-9]+/g, '');

interface Household {
  lastName: string;
  origin: Origin;
  city: City;
  address: PatientInput['address'];
  homePhone: string | null;
}

export interface GeneratorOptions {
  /** Share of patients who belong to an earlier patient's household (same surname, address, home phone). */
  households?: number;
  /**
   * The clinic's city ("Vancouver", "Montréal", …): most patients then live there or
   * nearby in the same province, as at a real clinic. Without it, patients come from
   * across Canada.
   */
  home?: string;
}

/** The cities a clinic's patients come from, weighted: its own city most. */
function localCities(home: string): City[] {
  const city = cities.find((c) => c.city === home);
  if (!city) throw new Error(`Unknown city ${home}; use one of ${cities.map((c) => c.city).join(', ')}`);
  return cities.filter((c) => c.region === city.region).map((c) => (c === city ? { ...c, weight: c.weight * 4 } : c));
}

/**
 * `count` fictional patients, as the patient form would send them (valid against
 * patientInputSchema). The same (count, seed) always gives the same list, and the
 * first n of a longer list are the same as a list of n.
 */
export function generatePatients(count: number, seed: number, options: GeneratorOptions = {}): PatientInput[] {
  const random = createRandom(seed);
  const householdShare = options.households ?? 0.07;
  const out: PatientInput[] = [];
  const households: Household[] = [];

  const givenName = (origin: Origin, sex: Sex): string => {
    const pick = () => origin.given[sex].pick(random);
    return origin.compound?.(random, sex, pick) ?? pick();
  };

  const surname = (origin: Origin, sex: Sex): string => {
    const one = (o: Origin) => (o.surnameFor ? o.surnameFor(o.lastNames.pick(random), sex) : o.lastNames.pick(random));
    const first = one(origin);
    if (origin.doubleSurname && random.chance(origin.doubleSurname)) {
      const second = one(origin);
      if (second !== first) return `${first} ${second}`;
    }
    // Double-barrelled names, often across origins: "Tremblay-Nguyễn", "Smith-Kowalska".
    if (random.chance(0.07)) {
      const other = random.chance(0.5) ? origin : random.weighted(originPick);
      const second = one(other);
      if (second !== first && !first.includes('-') && !second.includes('-') && !/\s/.test(first + second)) {
        return `${first}-${second}`;
      }
    }
    return first;
  };

  const local = options.home ? localCities(options.home) : null;
  const cityFor = (origin: Origin): City => {
    if (local && random.chance(0.92)) return random.weighted(local.map((c) => [c, c.weight] as const));
    const francophone = origin.francophone ?? 0.08;
    const french = random.chance(francophone);
    return random.weighted(cities.filter((c) => !!c.french === french).map((c) => [c, c.weight] as const));
  };

  const address = (city: City): PatientInput['address'] => {
    const streets = city.french ? frenchStreets : englishStreets;
    const unit = random.chance(0.3) ? `${random.pick(['Apt', 'Unit', 'Suite'])} ${random.int(1, 30)}${String(random.int(1, 12)).padStart(2, '0')}` : '';
    const number = random.int(1, 9999);
    return {
      line1: city.french ? `${number}, ${random.pick(streets)}` : `${number} ${random.pick(streets)}`,
      line2: city.french && unit ? unit.replace(/^Apt/, 'App.') : unit,
      city: city.city,
      region: city.region,
      postalCode: postalCode(random, city),
      country: 'Canada',
    };
  };

  for (let i = 0; i < count; i++) {
    const sex: Sex = random.chance(0.52) ? 'female' : 'male';
    const joinHousehold = households.length > 0 && random.chance(householdShare);
    const household = joinHousehold ? households[households.length - 1 - Math.floor(random.next() * Math.min(200, households.length))] : null;
    const origin = household?.origin ?? random.weighted(originPick);
    // Second generation and mixed families: an English given name with any surname.
    const givenOrigin = origin !== anglo && random.chance(0.15) ? anglo : origin;
    const firstName = givenName(givenOrigin, sex);
    const lastName = household
      ? origin.surnameFor?.(household.lastName.replace(/(sk|ck|dzk)a$/, '$1i'), sex) ?? household.lastName
      : surname(origin, sex);
    const city = household?.city ?? cityFor(origin);
    const home = household?.address ?? address(city);

    let preferredName = '';
    const root = firstName.split(/[\s]/)[0];
    if (nicknames[firstName] && random.chance(0.3)) preferredName = random.pick(nicknames[firstName]);
    else if (nicknames[root] && random.chance(0.2)) preferredName = random.pick(nicknames[root]);
    else if (['chinese', 'vietnamese', 'korean'].includes(givenOrigin.name) && random.chance(0.25)) {
      preferredName = random.pick(everydayNames[sex]);
    }

    const phones: PatientInput['phones'] = [];
    const hasMobile = random.chance(0.88);
    if (hasMobile) phones.push({ label: 'mobile', number: phoneNumber(random, city) });
    const homePhone = household?.homePhone ?? (random.chance(hasMobile ? 0.25 : 0.85) ? phoneNumber(random, city) : null);
    if (homePhone) phones.push({ label: 'home', number: homePhone });
    if (random.chance(0.08)) phones.push({ label: 'work', number: `${phoneNumber(random, city)}${random.chance(0.3) ? ` ext ${random.int(100, 4999)}` : ''}` });

    const hasEmail = random.chance(phones.length ? 0.78 : 1);
    const email = hasEmail ? emailFor(random, firstName, lastName) : '';

    const preferredContact: PatientInput['preferredContact'] = (() => {
      const options: Array<[PatientInput['preferredContact'], number]> = [];
      if (phones.length) options.push(['phone', 5]);
      if (phones.some((p) => p.label === 'mobile')) options.push(['text', 4]);
      if (email) options.push(['email', 3]);
      return random.weighted(options);
    })();

    const pronouns = random.chance(0.02) ? 'they/them' : random.chance(0.35) ? (sex === 'female' ? 'she/her' : 'he/him') : '';
    const languages = city.french && origin.name !== 'french' && random.chance(0.3) ? [['French', 1] as const] : origin.languages;

    const emergencyContact = random.chance(0.68)
      ? (() => {
          const relationship = random.weighted([['spouse', 4], ['partner', 3], ['parent', 2], ['sibling', 2], ['child', 2], ['friend', 2], ['neighbour', 0.5]] as const);
          const family = relationship !== 'friend' && relationship !== 'neighbour' && random.chance(0.65);
          const eSex: Sex = random.chance(0.5) ? 'female' : 'male';
          const last = family ? lastName : surname(random.weighted(originPick), eSex);
          return { name: `${givenName(family ? origin : random.weighted(originPick), eSex)} ${last}`, relationship, phone: phoneNumber(random, city) };
        })()
      : { name: '', relationship: '', phone: '' };

    const familyPhysician = random.chance(0.58)
      ? (() => {
          const dOrigin = random.weighted(originPick);
          const dSex: Sex = random.chance(0.5) ? 'female' : 'male';
          const name = `Dr. ${givenName(dOrigin, dSex)} ${surname(dOrigin, dSex)}`;
          const clinic = city.french
            ? `${random.pick(['Clinique médicale', 'GMF', 'CLSC'])} ${random.pick(['du Plateau', 'Saint-Jean', 'des Érables', 'Laurier', 'Centre-Ville', 'du Parc'])}`
            : `${random.pick(['Harbour', 'Riverside', 'Maple Grove', 'Westside', 'Downtown', 'Lakeview', 'Northgate', city.city])} ${random.pick(['Family Practice', 'Medical Clinic', 'Health Centre', 'Family Health Team'])}`;
          return { name, clinic, phone: phoneNumber(random, city) };
        })()
      : { name: '', clinic: '', phone: '' };

    const notes = random.chance(0.08)
      ? random.pick([
          'Prefers afternoon appointments.',
          'Prefers morning appointments.',
          'Please call the mobile number, not home.',
          'Ground-floor room, please.',
          'Hard of hearing: speak clearly on the phone.',
          'A family member usually interprets.',
          'Referred by a friend.',
          'Parking pass at the desk.',
          'Prefers e-mail reminders only.',
        ])
      : '';

    const patient: PatientInput = {
      firstName,
      lastName,
      preferredName: preferredName === firstName ? '' : preferredName,
      pronouns,
      dateOfBirth: birthDate(random),
      phones,
      email,
      address: home,
      emergencyContact,
      familyPhysician,
      preferredContact,
      language: random.weighted(languages),
      notes,
    };
    out.push(patient);
    if (!household) households.push({ lastName, origin, city, address: home, homePhone });
  }
  return out;
}

function emailFor(random: Random, firstName: string, lastName: string): string {
  const f = ascii(firstName.split(/\s/)[0]) || 'patient';
  const l = ascii(lastName) || 'mail';
  const local = random.weighted([
    [`${f}.${l}`, 5],
    [`${f}${l}`, 2],
    [`${f[0]}${l}`, 2],
    [`${f}_${l}`, 1],
    [`${f}.${l}${random.int(1, 99)}`, 2],
    [`${f}${random.int(1950, 2015)}`, 1],
  ] as const);
  // Only reserved names (RFC 2606 / 6761): nothing generated here can ever be delivered.
  const domain = random.weighted([
    ['example.com', 5], ['example.org', 2], ['example.net', 2], ['mail.example', 1], ['courriel.example', 1],
  ] as const);
  return `${local}@${domain}`;
}
