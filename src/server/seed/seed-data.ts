/**
 * The sandbox's starting data: two invented companies with passes that look like real ones
 * (loyalty, gift/store and membership cards), their artwork, and two public demo API keys.
 *
 * Everything but the ids is fixed: names, fields, times, counts, short-link codes and the
 * artwork (PNG files under `images/`) are the same on every install. Ids (workspaces, passes,
 * short links, the seed's user) are fresh random UUIDs for each new DATA_DIR, as a real
 * workspace's are: nothing can be reached by guessing or reusing an id from another install.
 */
import { randomUUID } from 'node:crypto';
import type { BackField, BackFieldLink, PassField, PassMetadata } from '../../contract/schemas';
import type { UserDeepLink } from '../../contract/schemas';
import type { PassStatus } from '../../contract/rules';
import { seedImages } from './seed-images';
import type { SeedCounts, SeedData, SeedDemoKey, SeedPass, SeedWorkspace } from './seed-types';

// ---------------------------------------------------------------------------------------------
// Building blocks

interface LinkSpec {
  text: string;
  link: string;
  /** With a slug the link is tracked: it gets a short link like Passport's. */
  slug?: string;
}

interface BackFieldSpec {
  key: string;
  label: string;
  links: LinkSpec[];
  changeMessage?: string;
}

interface LocationSpec {
  name: string;
  latitude: number;
  longitude: number;
  altitude?: number;
  relevantText: string;
  enabled?: boolean;
}

interface PassSpec {
  passName: string;
  status: PassStatus;
  createdTime: string;
  updatedTime: string;
  notificationHeader: string;
  passLinkSlug: string;
  brand: Brand;
  /** Host of the brand's short links. */
  shortHost: string;
  description: string;
  organizationName: string;
  topField: PassField;
  secondaryFields: PassField[];
  backFields: BackFieldSpec[];
  qrUrl: string;
  qrText: string;
  appDeepLinks?: PassMetadata['appDeepLinks'];
  userDeepLink: UserDeepLink;
  locations: LocationSpec[];
  counts: SeedCounts;
}

/** The pass colours of a brand, and the folder of its artwork under `images/`. */
interface Brand {
  key: string;
  background: string;
  foreground: string;
}

const BASE62 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A 5-character short-link code, the same for the same seed string on every install: FNV-1a of
 * the string seeds a Mulberry32 generator.
 */
function shortCode(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let state = h >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let code = '';
  for (let i = 0; i < 5; i++) code += BASE62[Math.floor(random() * BASE62.length)];
  return code;
}

function buildPass(spec: PassSpec, userId: string): SeedPass {
  const id = randomUUID();
  const backFields: BackField[] = spec.backFields.map((field) => ({
    key: field.key,
    label: field.label,
    value: field.links.map((l): BackFieldLink => {
      if (!l.slug) return { text: l.text, link: l.link };
      return {
        text: l.text,
        link: l.link,
        slug: l.slug,
        shortLinkValue: `https://${spec.shortHost}/${shortCode(`${spec.passLinkSlug}/${l.slug}`)}`,
        // Short links were made a few seconds after the pass, in order.
        shortLinkId: randomUUID(),
        utmSource: 'wallet_pass',
      };
    }),
    changeMessage: field.changeMessage ?? '',
  }));

  const passMetadata: PassMetadata = {
    description: spec.description,
    organizationName: spec.organizationName,
    backgroundColor: spec.brand.background,
    displayTextColor: spec.brand.foreground,
    topField: spec.topField,
    secondaryFields: spec.secondaryFields,
    backFields,
    qrUrl: spec.qrUrl,
    qrText: spec.qrText,
    ...(spec.appDeepLinks ? { appDeepLinks: spec.appDeepLinks } : {}),
    userDeepLink: spec.userDeepLink,
  };

  return {
    id,
    passName: spec.passName,
    status: spec.status,
    notificationHeader: spec.notificationHeader,
    passLinkSlug: spec.passLinkSlug,
    passMetadata,
    images: seedImages(spec.brand.key),
    locations: spec.locations.map((l) => ({
      name: l.name,
      enabled: l.enabled ?? true,
      latitude: l.latitude,
      longitude: l.longitude,
      ...(l.altitude === undefined ? {} : { altitude: l.altitude }),
      relevantText: l.relevantText,
    })),
    counts: { ...spec.counts },
    createdTime: spec.createdTime,
    updatedTime: spec.updatedTime,
    createdBy: userId,
  };
}

function counts(appleIssued: number, googleIssued: number, appleActive: number, googleActive: number): SeedCounts {
  return { appleIssued, googleIssued, appleActive, googleActive };
}

const field = (key: string, label: string, value: string, changeMessage = ''): PassField => ({
  key,
  label,
  value,
  changeMessage,
});

// ---------------------------------------------------------------------------------------------
// Brands

const BRANDS = {
  copperline: {
    key: 'copperline',
    background: '#2E1F17',
    foreground: '#FFF4E6',
  },
  copperlineGift: {
    key: 'copperline-gift',
    background: '#F3E9DC',
    foreground: '#3A2418',
  },
  saltmarsh: {
    key: 'saltmarsh',
    background: '#F6EFE3',
    foreground: '#5B3A1E',
  },
  ember: {
    key: 'ember-and-oak',
    background: '#1C1A1F',
    foreground: '#F7F3EE',
  },
  tidewater: {
    key: 'tidewater',
    background: '#0F4C5C',
    foreground: '#FFFFFF',
  },
  sunpress: {
    key: 'sunpress',
    background: '#F28C28',
    foreground: '#FFFFFF',
  },
  hearth: {
    key: 'harbor-and-hearth',
    background: '#14342B',
    foreground: '#F5F1E6',
  },
  peakform: {
    key: 'peakform',
    background: '#16213E',
    foreground: '#FFFFFF',
  },
  peakformGuest: {
    key: 'peakform-guest',
    background: '#FF6B35',
    foreground: '#1A1A2E',
  },
  volt: {
    key: 'volt-cycle',
    background: '#121212',
    foreground: '#F5F5F5',
  },
  trailhead: {
    key: 'trailhead',
    background: '#233D2F',
    foreground: '#F4EFE1',
  },
  trailheadGift: {
    key: 'trailhead-gift',
    background: '#ECE6D6',
    foreground: '#233D2F',
  },
  flowstate: {
    key: 'flowstate',
    background: '#F4F1EC',
    foreground: '#2D3142',
  },
  stride: {
    key: 'stride',
    background: '#1A1A2E',
    foreground: '#FFFFFF',
  },
  aqualane: {
    key: 'aqua-lane',
    background: '#E8F4FA',
    foreground: '#0B3C5D',
  },
} as const satisfies Record<string, Brand>;

interface WorkspaceSpec {
  name: string;
  passes: PassSpec[];
}

// ---------------------------------------------------------------------------------------------
// Harbor & Hearth Hospitality: cafés, a bakery and restaurants

const HARBOR: WorkspaceSpec = {
  name: 'Harbor & Hearth Hospitality',
  passes: [
    {
      passName: 'Copperline Coffee Rewards',
      status: 'Published',
      createdTime: '2025-02-11T10:24:37.118Z',
      updatedTime: '2025-12-03T16:05:12.404Z',
      notificationHeader: 'COPPERLINE COFFEE',
      passLinkSlug: 'copperline-rewards',
      brand: BRANDS.copperline,
      shortHost: 'cpln.example',
      description: 'Earn a star with every drink at Copperline Coffee. Nine stars get you any drink on the house.',
      organizationName: 'Copperline Coffee Roasters',
      topField: field('stars', 'STARS', '6 / 9', 'You now have %@ stars'),
      secondaryFields: [
        field('tier', 'Tier', 'Roaster', 'Welcome to the %@ tier'),
        field('nextReward', 'Next reward', 'Free pour-over', 'Your next reward: %@'),
        field('memberSince', 'Member since', 'Feb 2025'),
      ],
      backFields: [
        {
          key: 'orderAhead',
          label: 'Order ahead',
          links: [
            {
              text: 'Order in the app',
              link: 'https://copperlinecoffee.example/order',
              slug: 'order-ahead',
            },
          ],
          changeMessage: 'New ordering link: %@',
        },
        {
          key: 'findUs',
          label: 'Find a café',
          links: [
            {
              text: 'Café locator',
              link: 'https://copperlinecoffee.example/cafes',
              slug: 'cafes',
            },
            { text: 'Call Alberta St', link: 'tel:+15035550187' },
          ],
        },
        {
          key: 'terms',
          label: 'Program terms',
          links: [
            {
              text: 'Rewards terms and conditions',
              link: 'https://copperlinecoffee.example/rewards/terms',
              slug: 'rewards-terms',
            },
            {
              text: 'Privacy notice',
              link: 'https://copperlinecoffee.example/privacy',
            },
          ],
        },
      ],
      qrUrl: 'https://copperlinecoffee.example/rewards/scan?member=CL-1042-7781',
      qrText: 'Scan at the register to collect stars',
      appDeepLinks: {
        appleDeepLinkData: {
          appStoreId: '6472210458',
          launchUrl: 'copperline://rewards/card',
        },
        googleDeepLinkData: {
          androidPackageName: 'com.copperlinecoffee.app',
          webAppUrl: 'https://copperlinecoffee.example/app',
          displayText: 'Open Copperline',
        },
      },
      userDeepLink: {
        appType: 'Mobile App',
        inputLink: 'https://copperlinecoffee.example/app',
        appleAppStoreUrl: 'https://apps.apple.com/app/id6472210458',
        launchUrl: 'copperline://rewards/card',
        googlePlayStoreUrl: 'https://play.google.com/store/apps/details?id=com.copperlinecoffee.app',
      },
      locations: [
        {
          name: 'Copperline - Alberta St',
          latitude: 45.55905,
          longitude: -122.64494,
          altitude: 48,
          relevantText: 'Copperline Alberta St is around the corner. Show your card to earn a star.',
        },
        {
          name: 'Copperline - Division',
          latitude: 45.50476,
          longitude: -122.62961,
          altitude: 61.5,
          relevantText: 'Stop by Copperline Division: your next star is one drink away.',
        },
        {
          name: 'Copperline - Downtown',
          latitude: 45.51897,
          longitude: -122.67953,
          relevantText: 'Copperline Downtown is open until 6 pm. Order ahead in the app.',
          enabled: false,
        },
      ],
      counts: counts(4210, 2388, 3876, 2051),
    },
    {
      passName: 'Copperline Coffee Gift Card',
      status: 'Published',
      createdTime: '2025-03-18T15:02:09.551Z',
      updatedTime: '2025-11-20T11:47:30.062Z',
      notificationHeader: 'COPPERLINE GIFT CARD',
      passLinkSlug: 'copperline-gift-card',
      brand: BRANDS.copperlineGift,
      shortHost: 'cpln.example',
      description: 'A Copperline Coffee gift card, good for drinks, beans and merch at every café and online.',
      organizationName: 'Copperline Coffee Roasters',
      topField: field('balance', 'BALANCE', '$25.00', 'Your gift card balance is now %@'),
      secondaryFields: [field('cardNumber', 'Card', '•••• 4821'), field('expires', 'Expires', 'Never')],
      backFields: [
        {
          key: 'reload',
          label: 'Reload',
          links: [
            {
              text: 'Add money to this card',
              link: 'https://copperlinecoffee.example/gift/reload',
              slug: 'gift-reload',
            },
          ],
        },
        {
          key: 'giftHelp',
          label: 'Help',
          links: [
            {
              text: 'Email gift card support',
              link: 'mailto:giftcards@copperlinecoffee.example',
            },
            { text: 'Call us', link: 'tel:+15035550140' },
          ],
        },
      ],
      qrUrl: 'https://copperlinecoffee.example/gift/redeem?card=CLG-4821-0093',
      qrText: 'Scan to pay with your gift card',
      appDeepLinks: { appleDeepLinkData: { appStoreId: '6472210458' } },
      userDeepLink: {
        appType: 'Website',
        inputLink: 'https://copperlinecoffee.example/gift',
      },
      locations: [
        {
          name: 'Copperline - Pearl District',
          latitude: 45.52841,
          longitude: -122.68263,
          altitude: 15,
          relevantText: 'Pay with your Copperline gift card at the Pearl District café.',
        },
      ],
      counts: counts(1864, 902, 1510, 744),
    },
    {
      passName: 'Saltmarsh Bakery Punch Card',
      status: 'Published',
      createdTime: '2025-04-07T08:31:55.730Z',
      updatedTime: '2025-10-28T07:58:41.219Z',
      notificationHeader: 'SALTMARSH BAKERY',
      passLinkSlug: 'saltmarsh-punch-card',
      brand: BRANDS.saltmarsh,
      shortHost: 'slt.example',
      description: 'Get a punch for every loaf or pastry box. The tenth loaf is on us.',
      organizationName: 'Saltmarsh Bakery',
      topField: field('punches', 'PUNCHES', '7 of 10', 'You have %@ punches'),
      secondaryFields: [
        field('reward', 'Reward', 'Free country loaf', 'Your reward is now %@'),
        field('bakeDay', 'This week', 'Rye on Thursday', 'This week at Saltmarsh: %@'),
      ],
      backFields: [
        {
          key: 'preorder',
          label: 'Pre-order',
          links: [
            {
              text: 'Reserve a loaf',
              link: 'https://saltmarshbakery.example/preorder',
              slug: 'preorder',
            },
            {
              text: 'Weekly bake schedule',
              link: 'https://saltmarshbakery.example/schedule',
              slug: 'schedule',
            },
          ],
        },
        {
          key: 'contact',
          label: 'Contact',
          links: [
            {
              text: 'hello@saltmarshbakery.example',
              link: 'mailto:hello@saltmarshbakery.example',
            },
          ],
        },
      ],
      qrUrl: 'https://saltmarshbakery.example/punch?card=SM-3308',
      qrText: 'Show at the counter for a punch',
      appDeepLinks: {
        googleDeepLinkData: {
          webAppUrl: 'https://saltmarshbakery.example/card',
          displayText: 'Open punch card',
        },
      },
      userDeepLink: {
        appType: 'Instagram',
        inputLink: 'https://www.instagram.com/saltmarshbakery.example/',
      },
      locations: [
        {
          name: 'Saltmarsh - Ballard',
          latitude: 47.66853,
          longitude: -122.38414,
          relevantText: 'Fresh out of the oven at Saltmarsh Ballard. Bring your punch card.',
        },
        {
          name: 'Saltmarsh - Fremont',
          latitude: 47.65128,
          longitude: -122.35027,
          altitude: 22,
          relevantText: 'Saltmarsh Fremont is nearby: three more punches to a free loaf.',
        },
      ],
      counts: counts(968, 512, 811, 430),
    },
    {
      passName: 'Ember & Oak Dining Club',
      status: 'Published',
      createdTime: '2025-05-22T18:12:03.004Z',
      updatedTime: '2026-01-09T13:20:45.871Z',
      notificationHeader: 'EMBER & OAK',
      passLinkSlug: 'ember-and-oak-club',
      brand: BRANDS.ember,
      shortHost: 'eo.example',
      description:
        'Members of the Ember & Oak Dining Club get priority booking, a seasonal tasting night and 10% off the wine list.',
      organizationName: 'Ember & Oak Grill',
      topField: field('level', 'MEMBER', 'Gold', 'Your membership level is now %@'),
      secondaryFields: [
        field('memberName', 'Member', 'Jordan Ellis'),
        field('memberId', 'Member no.', 'EO-20931'),
        field('perk', 'This month', 'Chef’s counter', 'New this month: %@'),
        field('renewal', 'Renews', 'Mar 2026', 'Your membership now renews %@'),
      ],
      backFields: [
        {
          key: 'reservations',
          label: 'Reservations',
          links: [
            {
              text: 'Book a table',
              link: 'https://emberandoak.example/reservations',
              slug: 'book',
            },
            { text: 'Call the host stand', link: 'tel:+13125550148' },
          ],
        },
        {
          key: 'menus',
          label: 'Menus',
          links: [
            {
              text: 'Seasonal menu',
              link: 'https://emberandoak.example/menu',
              slug: 'menu',
            },
            {
              text: 'Wine list',
              link: 'https://emberandoak.example/wine',
              slug: 'wine',
            },
          ],
        },
        {
          key: 'clubContact',
          label: 'Club concierge',
          links: [
            {
              text: 'club@emberandoak.example',
              link: 'mailto:club@emberandoak.example',
            },
          ],
        },
      ],
      qrUrl: 'https://emberandoak.example/club/check-in?member=EO-20931',
      qrText: 'Show to your server',
      userDeepLink: {
        appType: 'Website',
        inputLink: 'https://emberandoak.example/club',
      },
      locations: [
        {
          name: 'Ember & Oak - West Loop',
          latitude: 41.88419,
          longitude: -87.64803,
          altitude: 181,
          relevantText: 'Welcome back to Ember & Oak West Loop. Your Gold perks apply tonight.',
        },
        {
          name: 'Ember & Oak - Third Ward',
          latitude: 43.03451,
          longitude: -87.91175,
          relevantText: 'Ember & Oak Third Ward is close by. Members book the chef’s counter first.',
        },
      ],
      counts: counts(2650, 1418, 2433, 1290),
    },
    {
      passName: 'Tidewater Tacos Stamp Card',
      status: 'Published',
      createdTime: '2025-07-09T12:45:18.390Z',
      updatedTime: '2026-01-30T19:02:56.113Z',
      notificationHeader: 'TIDEWATER TACOS',
      passLinkSlug: 'tidewater-stamps',
      brand: BRANDS.tidewater,
      shortHost: 'tdw.example',
      description: 'One stamp for every plate. Eight stamps and your next plate is free, at any Tidewater shack.',
      organizationName: 'Tidewater Tacos',
      topField: field('stamps', 'STAMPS', '4 / 8', 'You have %@ stamps'),
      secondaryFields: [
        field('freebie', 'Reward', 'Free taco plate'),
        field('happyHour', 'Happy hour', 'Tue 3–6 pm', 'Happy hour is now %@'),
        field('favorite', 'Your usual', 'Baja fish'),
      ],
      backFields: [
        {
          key: 'menu',
          label: 'Menu',
          links: [
            {
              text: 'See the menu',
              link: 'https://tidewatertacos.example/menu',
              slug: 'menu',
            },
          ],
        },
        {
          key: 'catering',
          label: 'Catering',
          links: [
            {
              text: 'Plan a taco party',
              link: 'https://tidewatertacos.example/catering',
              slug: 'catering',
            },
            {
              text: 'catering@tidewatertacos.example',
              link: 'mailto:catering@tidewatertacos.example',
            },
            { text: 'Call catering', link: 'tel:+16195550123' },
          ],
        },
      ],
      qrUrl: 'https://tidewatertacos.example/stamp?card=TW-88412',
      qrText: 'Scan for your stamp',
      userDeepLink: {
        appType: 'Tiktok',
        inputLink: 'https://www.tiktok.com/@tidewatertacos.example',
      },
      locations: [
        {
          name: 'Tidewater - Ocean Beach',
          latitude: 32.74886,
          longitude: -117.24905,
          relevantText: 'Tidewater Ocean Beach is a block away. Fish tacos are on.',
        },
        {
          name: 'Tidewater - Pacific Beach',
          latitude: 32.79791,
          longitude: -117.25401,
          relevantText: 'Hungry? Tidewater Pacific Beach is right here. Get your stamp.',
        },
        {
          name: 'Tidewater - North Park',
          latitude: 32.74803,
          longitude: -117.12975,
          altitude: 105,
          relevantText: 'Happy hour at Tidewater North Park, Tuesdays 3 to 6 pm.',
        },
        {
          name: 'Tidewater - La Jolla',
          latitude: 32.84729,
          longitude: -117.27332,
          relevantText: 'Tidewater La Jolla: show your stamp card at the window.',
          enabled: false,
        },
      ],
      counts: counts(12840, 9210, 10388, 7215),
    },
    {
      passName: 'Sunpress Juice Bar Card',
      status: 'Draft',
      createdTime: '2025-10-14T09:05:44.902Z',
      updatedTime: '2025-12-17T15:31:08.640Z',
      notificationHeader: 'SUNPRESS',
      passLinkSlug: 'sunpress-card',
      brand: BRANDS.sunpress,
      shortHost: 'snp.example',
      description: 'Six smoothies, one on us. Sunpress stamps every cold-pressed juice and smoothie.',
      organizationName: 'Sunpress Juice Bar',
      topField: field('smoothies', 'SMOOTHIES', '3 / 6', 'Smoothie stamps: %@'),
      secondaryFields: [
        field('reward', 'Reward', 'Any large smoothie'),
        field('special', 'Juice of the week', 'Carrot ginger', 'Juice of the week: %@'),
      ],
      backFields: [
        {
          key: 'playlist',
          label: 'In the shop',
          links: [
            {
              text: 'Our morning playlist',
              link: 'https://open.spotify.com/playlist/37i9dQZF1DX0example',
            },
          ],
        },
      ],
      qrUrl: 'https://sunpressjuice.example/card?c=SP-0192',
      qrText: 'Scan at the counter',
      userDeepLink: {
        appType: 'Spotify',
        inputLink: 'https://open.spotify.com/playlist/37i9dQZF1DX0example',
      },
      locations: [
        {
          name: 'Sunpress - South Congress',
          latitude: 30.24936,
          longitude: -97.74947,
          relevantText: 'Sunpress South Congress is close. Three more smoothies to a free one.',
        },
        {
          name: 'Sunpress - Mueller',
          latitude: 30.29907,
          longitude: -97.70471,
          relevantText: 'Cold-pressed and ready at Sunpress Mueller.',
        },
      ],
      counts: counts(12, 5, 9, 4),
    },
    {
      passName: 'Harbor & Hearth Supper Club',
      status: 'Draft',
      createdTime: '2026-01-12T17:40:26.335Z',
      updatedTime: '2026-01-12T17:52:03.918Z',
      notificationHeader: 'HARBOR & HEARTH',
      passLinkSlug: 'supper-club',
      brand: BRANDS.hearth,
      shortHost: 'hh.example',
      description:
        'Monthly supper club across the Harbor & Hearth restaurants: a seat at the long table and a first look at new menus.',
      organizationName: 'Harbor & Hearth Hospitality',
      topField: field('nextSupper', 'NEXT SUPPER', 'Feb 21', 'Your next supper is on %@'),
      secondaryFields: [
        field('seats', 'Seats', '2', 'Your booking is now for %@ seats'),
        field('host', 'Host', 'Ember & Oak'),
      ],
      backFields: [
        {
          key: 'rsvp',
          label: 'RSVP',
          links: [
            {
              text: 'Change your booking',
              link: 'https://harborhearth.example/supper-club/rsvp',
              slug: 'rsvp',
            },
          ],
        },
        {
          key: 'follow',
          label: 'Follow us',
          links: [
            {
              text: '@harborhearth_ex on X',
              link: 'https://x.com/harborhearth_ex',
            },
          ],
        },
      ],
      qrUrl: 'https://harborhearth.example/supper-club/ticket?m=HH-0007',
      qrText: 'Show at the door',
      userDeepLink: {
        appType: 'X',
        inputLink: 'https://x.com/harborhearth_ex',
      },
      locations: [],
      counts: counts(0, 0, 0, 0),
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Summit Motion Collective: gyms, studios and an outdoor retailer

const SUMMIT: WorkspaceSpec = {
  name: 'Summit Motion Collective',
  passes: [
    {
      passName: 'Peakform Gym Membership',
      status: 'Published',
      createdTime: '2025-02-03T14:18:50.227Z',
      updatedTime: '2026-01-05T08:12:19.504Z',
      notificationHeader: 'PEAKFORM',
      passLinkSlug: 'peakform-membership',
      brand: BRANDS.peakform,
      shortHost: 'pkf.example',
      description: 'Your Peakform membership card. Scan at the turnstile in any Peakform club.',
      organizationName: 'Peakform Fitness',
      topField: field('membership', 'MEMBERSHIP', 'All Access', 'Your membership is now %@'),
      secondaryFields: [
        field('memberName', 'Member', 'Sam Okafor'),
        field('memberId', 'Member no.', 'PF-118204'),
        field('homeClub', 'Home club', 'Denver LoDo', 'Your home club is now %@'),
        field('validThru', 'Valid thru', '31 Dec 2026', 'Your membership is now valid through %@'),
      ],
      backFields: [
        {
          key: 'classes',
          label: 'Classes',
          links: [
            {
              text: 'Class schedule',
              link: 'https://peakform.example/classes',
              slug: 'classes',
            },
            {
              text: 'Book a trainer',
              link: 'https://peakform.example/trainers',
              slug: 'trainers',
            },
          ],
        },
        {
          key: 'account',
          label: 'Your membership',
          links: [
            {
              text: 'Manage membership',
              link: 'https://peakform.example/account',
              slug: 'account',
            },
            {
              text: 'Freeze membership',
              link: 'https://peakform.example/account/freeze',
            },
          ],
        },
        {
          key: 'support',
          label: 'Member services',
          links: [
            {
              text: 'members@peakform.example',
              link: 'mailto:members@peakform.example',
            },
            { text: 'Call member services', link: 'tel:+17205550164' },
          ],
        },
      ],
      qrUrl: 'https://peakform.example/checkin?member=PF-118204',
      qrText: 'Scan at the turnstile',
      appDeepLinks: {
        appleDeepLinkData: {
          appStoreId: '1583920144',
          launchUrl: 'peakform://membership',
        },
        googleDeepLinkData: {
          androidPackageName: 'com.peakform.members',
          webAppUrl: 'https://peakform.example/app',
          displayText: 'Open Peakform',
        },
      },
      userDeepLink: {
        appType: 'Mobile App',
        inputLink: 'https://peakform.example/app',
        appleAppStoreUrl: 'https://apps.apple.com/app/id1583920144',
        launchUrl: 'peakform://membership',
        googlePlayStoreUrl: 'https://play.google.com/store/apps/details?id=com.peakform.members',
      },
      locations: [
        {
          name: 'Peakform - Denver LoDo',
          latitude: 39.75277,
          longitude: -105.00061,
          altitude: 1590,
          relevantText: 'You’re at Peakform LoDo. Scan your card at the turnstile.',
        },
        {
          name: 'Peakform - Boulder',
          latitude: 40.01499,
          longitude: -105.27055,
          altitude: 1655,
          relevantText: 'Peakform Boulder is nearby. Open 5 am to 11 pm.',
        },
        {
          name: 'Peakform - Cherry Creek',
          latitude: 39.71724,
          longitude: -104.95331,
          relevantText: 'Drop in at Peakform Cherry Creek: your All Access card works here.',
        },
      ],
      counts: counts(6240, 3915, 5801, 3422),
    },
    {
      passName: 'Peakform Guest Pass',
      status: 'Published',
      createdTime: '2025-03-02T10:07:12.660Z',
      updatedTime: '2025-09-14T17:44:02.091Z',
      notificationHeader: 'PEAKFORM GUEST',
      passLinkSlug: 'peakform-guest',
      brand: BRANDS.peakformGuest,
      shortHost: 'pkf.example',
      description: 'A friend invited you to train at Peakform. Three visits, no strings attached.',
      organizationName: 'Peakform Fitness',
      topField: field('visits', 'VISITS LEFT', '3', 'Guest visits left: %@'),
      secondaryFields: [field('validFor', 'Valid for', '14 days'), field('invitedBy', 'Invited by', 'Sam O.')],
      backFields: [
        {
          key: 'join',
          label: 'Like it here?',
          links: [
            {
              text: 'Become a member',
              link: 'https://peakform.example/join?ref=guest',
              slug: 'join',
            },
          ],
        },
      ],
      qrUrl: 'https://peakform.example/guest?pass=PFG-55310',
      qrText: 'Scan at the front desk',
      userDeepLink: {
        appType: 'Website',
        inputLink: 'https://peakform.example/join',
      },
      locations: [
        {
          name: 'Peakform - Denver LoDo',
          latitude: 39.75277,
          longitude: -105.00061,
          relevantText: 'Your guest pass works at Peakform LoDo. Say hi at the front desk.',
        },
      ],
      counts: counts(1520, 1330, 612, 540),
    },
    {
      passName: 'Volt Cycle Class Pack',
      status: 'Published',
      createdTime: '2025-04-16T19:26:31.007Z',
      updatedTime: '2025-12-22T06:55:13.368Z',
      notificationHeader: 'VOLT CYCLE',
      passLinkSlug: 'volt-class-pack',
      brand: BRANDS.volt,
      shortHost: 'vlt.example',
      description: 'Your Volt Cycle class pack. Each ride you book uses one credit.',
      organizationName: 'Volt Cycle Studio',
      topField: field('rides', 'RIDES LEFT', '8', 'Rides left in your pack: %@'),
      secondaryFields: [
        field('pack', 'Pack', '10 rides'),
        field('expires', 'Expires', '30 Jun 2026', 'Your pack now expires %@'),
        field('studio', 'Studio', 'Williamsburg'),
      ],
      backFields: [
        {
          key: 'book',
          label: 'Book a ride',
          links: [
            {
              text: 'This week’s rides',
              link: 'https://voltcycle.example/schedule',
              slug: 'schedule',
            },
            {
              text: 'Buy more rides',
              link: 'https://voltcycle.example/packs',
              slug: 'packs',
            },
          ],
        },
        {
          key: 'studioPolicy',
          label: 'Studio policy',
          links: [
            {
              text: 'Late cancel and no-show policy',
              link: 'https://voltcycle.example/policy',
            },
          ],
        },
      ],
      qrUrl: 'https://voltcycle.example/checkin?rider=VC-30418',
      qrText: 'Scan at the studio door',
      appDeepLinks: {
        appleDeepLinkData: {
          appStoreId: '6443175520',
          launchUrl: 'voltcycle://rides',
        },
        googleDeepLinkData: {
          androidPackageName: 'com.voltcycle.studio',
          displayText: 'Book in the Volt app',
        },
      },
      userDeepLink: {
        appType: 'Instagram',
        inputLink: 'https://www.instagram.com/voltcycle.example/',
      },
      locations: [
        {
          name: 'Volt - Williamsburg',
          latitude: 40.71812,
          longitude: -73.95755,
          relevantText: 'Class starts soon at Volt Williamsburg. Scan in at the door.',
        },
        {
          name: 'Volt - Flatiron',
          latitude: 40.74106,
          longitude: -73.98963,
          altitude: 12,
          relevantText: 'Volt Flatiron is a block away: 8 rides left in your pack.',
        },
      ],
      counts: counts(3380, 1245, 2904, 1002),
    },
    {
      passName: 'Trailhead Outfitters Rewards',
      status: 'Published',
      createdTime: '2025-06-05T16:50:09.845Z',
      updatedTime: '2026-02-02T10:15:37.220Z',
      notificationHeader: 'TRAILHEAD OUTFITTERS',
      passLinkSlug: 'trailhead-rewards',
      brand: BRANDS.trailhead,
      shortHost: 'trl.example',
      description: 'Earn 1 point per dollar on gear, rentals and repairs. Every 2,000 points is $15 off.',
      organizationName: 'Trailhead Outfitters',
      topField: field('points', 'POINTS', '2,340', 'Your points balance is now %@'),
      secondaryFields: [
        field('tier', 'Tier', 'Summit', 'You reached the %@ tier'),
        field('rewardCash', 'Reward', '$15 ready', 'Reward available: %@'),
        field('memberSince', 'Member since', 'Jun 2025'),
      ],
      backFields: [
        {
          key: 'howItWorks',
          label: 'How rewards work',
          links: [
            {
              text: 'Rewards guide',
              link: 'https://trailheadoutfitters.example/rewards',
              slug: 'rewards',
            },
          ],
        },
        {
          key: 'services',
          label: 'Rentals and repairs',
          links: [
            {
              text: 'Rent gear',
              link: 'https://trailheadoutfitters.example/rentals',
              slug: 'rentals',
            },
            {
              text: 'Book a ski tune',
              link: 'https://trailheadoutfitters.example/repairs',
              slug: 'repairs',
            },
          ],
        },
        {
          key: 'watch',
          label: 'Trail videos',
          links: [
            {
              text: 'Trailhead on YouTube',
              link: 'https://www.youtube.com/@trailheadoutfitters.example',
            },
          ],
        },
        {
          key: 'help',
          label: 'Help',
          links: [
            {
              text: 'help@trailheadoutfitters.example',
              link: 'mailto:help@trailheadoutfitters.example',
            },
            { text: 'Call us', link: 'tel:+18015550199' },
          ],
        },
      ],
      qrUrl: 'https://trailheadoutfitters.example/rewards/scan?member=TO-77120-4',
      qrText: 'Scan at checkout to earn points',
      appDeepLinks: {
        googleDeepLinkData: {
          androidPackageName: 'com.trailheadoutfitters.rewards',
          webAppUrl: 'https://trailheadoutfitters.example/app',
          displayText: 'Shop Trailhead',
        },
      },
      userDeepLink: {
        appType: 'Youtube',
        inputLink: 'https://www.youtube.com/@trailheadoutfitters.example',
      },
      locations: [
        {
          name: 'Trailhead - Salt Lake City',
          latitude: 40.76078,
          longitude: -111.89105,
          altitude: 1288,
          relevantText: 'Trailhead Salt Lake City is nearby. You have a $15 reward ready.',
        },
        {
          name: 'Trailhead - Bend',
          latitude: 44.05817,
          longitude: -121.31531,
          altitude: 1105,
          relevantText: 'Gearing up in Bend? Scan your card at Trailhead to earn points.',
        },
        {
          name: 'Trailhead - Missoula',
          latitude: 46.87215,
          longitude: -113.994,
          relevantText: 'Trailhead Missoula: rentals and repairs earn points too.',
        },
      ],
      counts: counts(18450, 11020, 15932, 9488),
    },
    {
      passName: 'Trailhead Outfitters Gift Card',
      status: 'Published',
      createdTime: '2025-08-19T13:33:47.512Z',
      updatedTime: '2025-12-01T09:09:58.777Z',
      notificationHeader: 'TRAILHEAD GIFT CARD',
      passLinkSlug: 'trailhead-gift-card',
      brand: BRANDS.trailheadGift,
      shortHost: 'trl.example',
      description: 'A Trailhead Outfitters gift card for gear, rentals and repairs, in store and online.',
      organizationName: 'Trailhead Outfitters',
      topField: field('balance', 'BALANCE', '$50.00', 'Your gift card balance is now %@'),
      secondaryFields: [field('cardNumber', 'Card', '•••• 9034'), field('validAt', 'Use at', 'All stores + online')],
      backFields: [
        {
          key: 'balanceHelp',
          label: 'Balance and help',
          links: [
            {
              text: 'Check your balance',
              link: 'https://trailheadoutfitters.example/gift/balance',
              slug: 'gift-balance',
            },
            {
              text: 'giftcards@trailheadoutfitters.example',
              link: 'mailto:giftcards@trailheadoutfitters.example',
            },
          ],
        },
      ],
      qrUrl: 'https://trailheadoutfitters.example/gift/redeem?card=TOG-9034-1187',
      qrText: 'Scan at checkout',
      userDeepLink: {
        appType: 'Website',
        inputLink: 'https://trailheadoutfitters.example/gift',
      },
      locations: [],
      counts: counts(2210, 1104, 1987, 995),
    },
    {
      passName: 'Flowstate Yoga Membership',
      status: 'Draft',
      createdTime: '2025-11-03T07:15:22.093Z',
      updatedTime: '2026-01-21T18:26:40.456Z',
      notificationHeader: 'FLOWSTATE YOGA',
      passLinkSlug: 'flowstate-membership',
      brand: BRANDS.flowstate,
      shortHost: 'flw.example',
      description: 'Your Flowstate membership: book classes, bring a friend once a month, and rent mats for free.',
      organizationName: 'Flowstate Yoga',
      topField: field('classes', 'CLASSES', 'Unlimited', 'Your plan now includes %@ classes'),
      secondaryFields: [
        field('plan', 'Plan', 'Monthly'),
        field('studio', 'Studio', 'Mission District'),
        field('renews', 'Renews', '1 Mar 2026', 'Your plan now renews on %@'),
      ],
      backFields: [
        {
          key: 'schedule',
          label: 'Classes',
          links: [
            {
              text: 'Book a class',
              link: 'https://flowstateyoga.example/schedule',
              slug: 'schedule',
            },
          ],
        },
        {
          key: 'listen',
          label: 'Listen',
          links: [
            {
              text: 'Savasana playlist',
              link: 'https://open.spotify.com/playlist/5flowstateEXAMPLE',
            },
          ],
        },
      ],
      qrUrl: 'https://flowstateyoga.example/checkin?m=FS-2207',
      qrText: 'Scan at the front desk',
      userDeepLink: {
        appType: 'Spotify',
        inputLink: 'https://open.spotify.com/playlist/5flowstateEXAMPLE',
      },
      locations: [
        {
          name: 'Flowstate - Mission District',
          latitude: 37.75993,
          longitude: -122.41914,
          relevantText: 'Flowstate Mission: doors open 15 minutes before class.',
        },
        {
          name: 'Flowstate - Temescal',
          latitude: 37.83394,
          longitude: -122.26224,
          relevantText: 'Flowstate Temescal is nearby. Mats are free for members.',
        },
      ],
      counts: counts(24, 9, 18, 6),
    },
    {
      passName: 'Stride Running Club',
      status: 'Draft',
      createdTime: '2025-12-08T06:02:58.364Z',
      updatedTime: '2026-01-14T12:48:11.930Z',
      notificationHeader: 'STRIDE RUN CLUB',
      passLinkSlug: 'stride-run-club',
      brand: BRANDS.stride,
      shortHost: 'strd.example',
      description: 'Stride Running Club: free group runs every weekend and 15% off shoes at partner stores.',
      organizationName: 'Stride Running Club',
      topField: field('miles', 'MILES THIS MONTH', '42.5', 'Your monthly mileage is now %@'),
      secondaryFields: [
        field('nextRun', 'Next group run', 'Sat 7:30 am', 'Next group run: %@'),
        field('paceGroup', 'Pace group', '9:00 /mi'),
      ],
      backFields: [
        {
          key: 'routes',
          label: 'Routes',
          links: [
            {
              text: 'This weekend’s route',
              link: 'https://striderunclub.example/routes',
              slug: 'routes',
            },
            { text: 'Follow us on X', link: 'https://x.com/striderunclub_ex' },
          ],
        },
      ],
      qrUrl: 'https://striderunclub.example/member?m=SRC-1490',
      qrText: 'Show for partner discounts',
      userDeepLink: {
        appType: 'X',
        inputLink: 'https://x.com/striderunclub_ex',
      },
      locations: [
        {
          name: 'Stride - Lincoln Park meet-up',
          latitude: 41.92148,
          longitude: -87.63383,
          relevantText: 'Group run meets here Saturdays at 7:30 am.',
        },
      ],
      counts: counts(3, 1, 3, 1),
    },
    {
      passName: 'Aqua Lane Swim School',
      status: 'Draft',
      createdTime: '2026-01-27T15:11:04.718Z',
      updatedTime: '2026-01-27T15:11:04.718Z',
      notificationHeader: 'AQUA LANE',
      passLinkSlug: 'aqua-lane-lessons',
      brand: BRANDS.aqualane,
      shortHost: 'aql.example',
      description: 'Lesson card for Aqua Lane Swim School. We mark one lesson for every class your swimmer attends.',
      organizationName: 'Aqua Lane Swim School',
      topField: field('lessons', 'LESSONS LEFT', '10', 'Lessons left: %@'),
      secondaryFields: [
        field('swimmer', 'Swimmer', 'Maya R.'),
        field('level', 'Level', 'Dolphin 2', 'Your swimmer moved up to %@'),
      ],
      backFields: [
        {
          key: 'lessonInfo',
          label: 'Lessons',
          links: [
            {
              text: 'Term timetable',
              link: 'https://aqualane.example/timetable',
            },
            { text: 'Call the pool desk', link: 'tel:+14155550172' },
          ],
        },
      ],
      qrUrl: 'https://aqualane.example/lesson?card=AL-6023',
      qrText: 'Scan at the pool desk',
      userDeepLink: {
        appType: 'Website',
        inputLink: 'https://aqualane.example',
      },
      locations: [],
      counts: counts(0, 0, 0, 0),
    },
  ],
};

// ---------------------------------------------------------------------------------------------

function buildWorkspace(spec: WorkspaceSpec, userId: string): SeedWorkspace {
  return {
    id: randomUUID(),
    name: spec.name,
    passes: spec.passes.map((p) => buildPass(p, userId)),
  };
}

/** Public demo keys: they only ever open the sandbox. */
export const DEMO_KEY_ALL_WORKSPACES = 'ub_test_sandbox_demo_all_workspaces';
export const DEMO_KEY_FIRST_WORKSPACE = 'ub_test_sandbox_demo_first_workspace';

/** The sandbox's starting data, with new random ids on every call. */
export function buildSeed(): SeedData {
  // The sandbox's one user: it created every seeded pass.
  const userId = randomUUID();
  const workspaces = [buildWorkspace(HARBOR, userId), buildWorkspace(SUMMIT, userId)];
  const demoKeys: SeedDemoKey[] = [
    {
      apiKey: DEMO_KEY_ALL_WORKSPACES,
      label: 'Demo key (all workspaces)',
      workspaceIds: workspaces.map((w) => w.id),
    },
    {
      apiKey: DEMO_KEY_FIRST_WORKSPACE,
      label: 'Demo key (first workspace only)',
      workspaceIds: [workspaces[0]!.id],
    },
  ];
  return { workspaces, demoKeys };
}
